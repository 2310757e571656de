package dev.embargo.intake.rest;

import dev.embargo.intake.service.Admission;
import dev.embargo.intake.service.RateLimits;
import dev.embargo.kit.problem.Problem;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers 429 with Retry-After (problem+json) to a client over its rate on the reporter endpoints,
 * and refuses new reports while triage is too far behind ({@link Admission}: 429 to the networks
 * flooding, 503 to everyone past the maximum backlog).
 */
public class RateLimitFilter {

    private static final String LIMITED_PATH = "/api/v1/reports";

    private final RateLimits limits;
    private final Admission admission;

    RateLimitFilter(RateLimits limits, Admission admission) {
        this.limits = limits;
        this.admission = admission;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> limit(HttpServerRequest request) {
        if (!request.path().startsWith(LIMITED_PATH)) {
            return Optional.empty();
        }
        String remote =
                request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        String forwardedFor = request.getHeader("X-Forwarded-For");
        long wait = limits.secondsToWait(remote, forwardedFor);
        if (wait > 0) {
            return refusal(
                    Problem.typed(
                            "rate-limited",
                            429,
                            "Too Many Requests",
                            "Too many requests from this client; try again in " + wait + " s."),
                    wait);
        }
        if (request.method() != HttpMethod.POST || !request.path().equals(LIMITED_PATH)) {
            return Optional.empty();
        }
        Admission.Verdict verdict = admission.admit(limits.clientOf(remote, forwardedFor));
        if (verdict.admitted()) {
            return Optional.empty();
        }
        long retryAfter = verdict.retryAfterSeconds();
        Problem problem =
                verdict.status() == 503
                        ? Problem.typed(
                                "backlog-full",
                                503,
                                "Service Unavailable",
                                "Reports are arriving faster than they can be handled; try again"
                                        + " in "
                                        + retryAfter
                                        + " s.")
                        : Problem.typed(
                                "network-over-fair-share",
                                429,
                                "Too Many Requests",
                                "Reports are arriving faster than they can be handled, most from"
                                        + " your network; try again in "
                                        + retryAfter
                                        + " s.");
        return refusal(problem, retryAfter);
    }

    private static Optional<Response> refusal(Problem problem, long retryAfterSeconds) {
        return Optional.of(
                Response.status(problem.status())
                        .type(Problem.MEDIA)
                        .header("Retry-After", Long.toString(retryAfterSeconds))
                        .entity(problem)
                        .build());
    }
}
