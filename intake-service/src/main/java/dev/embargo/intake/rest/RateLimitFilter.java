package dev.embargo.intake.rest;

import dev.embargo.intake.service.RateLimits;
import dev.embargo.kit.problem.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers 429 with Retry-After (problem+json) to a client over its rate on the reporter endpoints.
 */
public class RateLimitFilter {

    private static final String LIMITED_PATH = "/api/v1/reports";

    private final RateLimits limits;

    RateLimitFilter(RateLimits limits) {
        this.limits = limits;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> limit(HttpServerRequest request) {
        if (!request.path().startsWith(LIMITED_PATH)) {
            return Optional.empty();
        }
        String remote =
                request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        long wait = limits.secondsToWait(remote, request.getHeader("X-Forwarded-For"));
        if (wait == 0) {
            return Optional.empty();
        }
        Problem problem =
                Problem.typed(
                        "rate-limited",
                        429,
                        "Too Many Requests",
                        "Too many requests from this client; try again in " + wait + " s.");
        return Optional.of(
                Response.status(429)
                        .type(Problem.MEDIA)
                        .header("Retry-After", Long.toString(wait))
                        .entity(problem)
                        .build());
    }
}
