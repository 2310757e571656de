package dev.embargo.triage.console;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The headers of every {@code /console/} answer, static file or not: a strict
 * Content-Security-Policy (built from the configuration, since it names Keycloak and the services
 * the console calls), no referrer, no content sniffing, and revalidation so that a new release
 * never mixes with cached modules.
 */
@ApplicationScoped
public class ConsoleHeaders {

    static final String PATH = "/console";

    void install(@Observes Router router, ConsoleSettings settings) {
        String policy = settings.contentSecurityPolicy();
        router.route()
                .order(Integer.MIN_VALUE + 1)
                .handler(
                        context -> {
                            String path = context.normalizedPath();
                            if (path.equals(PATH)) {
                                context.redirect(PATH + "/");
                                return;
                            }
                            if (path.startsWith(PATH + "/")) {
                                context.addHeadersEndHandler(
                                        ignored -> {
                                            var headers = context.response().headers();
                                            headers.set("Content-Security-Policy", policy);
                                            headers.set("Referrer-Policy", "no-referrer");
                                            headers.set("X-Content-Type-Options", "nosniff");
                                            String cache = headers.get(HttpHeaders.CACHE_CONTROL);
                                            if (cache == null || !cache.contains("no-store")) {
                                                headers.set(HttpHeaders.CACHE_CONTROL, "no-cache");
                                            }
                                        });
                            }
                            context.next();
                        });
    }
}
