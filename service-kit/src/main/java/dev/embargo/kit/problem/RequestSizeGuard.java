package dev.embargo.kit.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body larger than the limit with a problem+json 413 instead of the HTTP layer's bare
 * one: before reading it when its length is announced, and when the HTTP layer cuts off a chunked
 * body at the limit.
 *
 * <p>A service may let multipart uploads on some paths ({@code embargo.http.upload-paths}, a
 * regular expression) grow up to the HTTP layer's limit while every other body keeps the smaller
 * {@code embargo.http.max-body-size}. The HTTP layer only knows one limit, so a body bound by the
 * smaller one must announce its length: a chunked one is refused with 411.
 */
@ApplicationScoped
public class RequestSizeGuard {

    void install(
            @Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize transportLimit,
            @ConfigProperty(name = "embargo.http.max-body-size") Optional<MemorySize> bodyLimit,
            @ConfigProperty(name = "embargo.http.upload-paths") Optional<Pattern> uploadPaths) {
        long uploadBytes = transportLimit.asLongValue();
        long bodyBytes =
                Math.min(bodyLimit.map(MemorySize::asLongValue).orElse(uploadBytes), uploadBytes);
        router.route()
                .order(Integer.MIN_VALUE)
                .handler(
                        context -> {
                            long limit = isUpload(context, uploadPaths) ? uploadBytes : bodyBytes;
                            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
                            if (length != null && exceeds(length, limit)) {
                                refuse(context, limit);
                                return;
                            }
                            if (length == null
                                    && limit < uploadBytes
                                    && context.request().getHeader(HttpHeaders.TRANSFER_ENCODING)
                                            != null) {
                                context.response()
                                        .setStatusCode(411)
                                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                                        .putHeader(HttpHeaders.CONNECTION, "close")
                                        .end(
                                                "{\"type\":\"about:blank\",\"title\":\"Length"
                                                    + " Required\",\"status\":411,\"detail\":\"Send"
                                                    + " Content-Length; bodies here may have at"
                                                    + " most "
                                                        + limit
                                                        + " bytes.\"}");
                                return;
                            }
                            context.next();
                        })
                .failureHandler(
                        context -> {
                            if (context.statusCode() == 413 && !context.response().headWritten()) {
                                refuse(context, uploadBytes);
                                return;
                            }
                            context.next();
                        });
    }

    private static boolean isUpload(RoutingContext context, Optional<Pattern> uploadPaths) {
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        return uploadPaths.isPresent()
                && type != null
                && type.regionMatches(true, 0, "multipart/form-data", 0, 19)
                && uploadPaths.get().matcher(context.normalizedPath()).matches();
    }

    private static void refuse(RoutingContext context, long maxBytes) {
        context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(
                        "{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                                + "\"detail\":\"The body is larger than "
                                + maxBytes
                                + " bytes.\"}");
    }

    private static boolean exceeds(String contentLength, long maxBytes) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
