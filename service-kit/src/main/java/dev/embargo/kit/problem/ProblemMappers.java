package dev.embargo.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become HTTP answers: every error is {@code
 * application/problem+json}, and the details of an unexpected failure stay in the log (under an id
 * the caller can quote), never in the answer. A dependency that cannot be reached is a 503 with
 * {@code Retry-After} ({@code embargo.http.unavailable-retry-after}), so that clients retry.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Whole seconds, as Retry-After wants them, and at least one. */
    private final long retryAfterSeconds;

    ProblemMappers(
            @ConfigProperty(name = "embargo.http.unavailable-retry-after") Duration retryAfter) {
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response invalidInput(ConstraintViolationException e) {
        List<Problem.FieldError> errors =
                e.getConstraintViolations().stream()
                        .map(
                                violation ->
                                        new Problem.FieldError(
                                                fieldName(violation), violation.getMessage()))
                        .sorted(Comparator.comparing(Problem.FieldError::field))
                        .toList();
        return new Problem(
                        "about:blank",
                        "Bad Request",
                        400,
                        "The request has invalid fields.",
                        errors)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        String detail =
                switch (e) {
                    case UnrecognizedPropertyException unknown ->
                            "Unknown field '" + unknown.getPropertyName() + "'.";
                    case NulCharacterGuard.NulCharacterException nul ->
                            "Text may not contain the NUL character" + at(nul) + ".";
                    case InvalidFormatException wrongType ->
                            "A field has the wrong type" + at(wrongType) + ".";
                    case MismatchedInputException mismatch ->
                            "A field has the wrong type or shape" + at(mismatch) + ".";
                    default -> "The body is not valid JSON.";
                };
        return Problem.of(Response.Status.BAD_REQUEST, detail).toResponse();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated() {
        return Response.fromResponse(
                        Problem.of(
                                        Response.Status.UNAUTHORIZED,
                                        "A valid staff access token is required.")
                                .toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(Response.Status.FORBIDDEN, "Your roles do not allow this.").toResponse();
    }

    /**
     * Jackson's own input errors are more specific than {@link JsonProcessingException}; map them
     * here too.
     */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return malformedJson(e);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        String detail =
                status.getStatusCode() == 404 ? "Not found." : status.getReasonPhrase() + ".";
        return new Problem(
                        "about:blank",
                        status.getReasonPhrase(),
                        status.getStatusCode(),
                        detail,
                        List.of())
                .toResponse();
    }

    /**
     * Whatever no other mapper takes. A request body RESTEasy Reactive could not read (a multipart
     * body without its closing boundary) is the caller's; a dependency that cannot be reached
     * (PostgreSQL down: the client's connection errors are I/O failures too) is nobody's, and the
     * caller is told when to retry; anything else is a bug, logged under an incident id.
     */
    @ServerExceptionMapper
    public Response failure(Throwable e) {
        if (FailureKinds.isUnreadableBody(e)) {
            return Problem.of(
                            Response.Status.BAD_REQUEST,
                            "The request body cannot be read: malformed or cut short.")
                    .toResponse();
        }
        if (FailureKinds.isUnavailableDependency(e)) {
            LOG.warnf("A dependency is unavailable, answering 503: %s", e);
            return Response.fromResponse(
                            Problem.of(
                                            Response.Status.SERVICE_UNAVAILABLE,
                                            "The service is unavailable for a moment; retry"
                                                    + " later.")
                                    .toResponse())
                    .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                    .build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return Problem.of(
                        Response.Status.INTERNAL_SERVER_ERROR,
                        "Unexpected failure; quote incident " + incident + ".")
                .toResponse();
    }

    private static String at(MismatchedInputException e) {
        String path =
                e.getPath().stream()
                        .map(
                                reference ->
                                        reference.getFieldName() != null
                                                ? reference.getFieldName()
                                                : "[" + reference.getIndex() + "]")
                        .reduce((left, right) -> left + "." + right)
                        .orElse("");
        return path.isEmpty() ? "" : " at '" + path + "'";
    }

    /**
     * The last node of the violation's path: the field's name as the caller wrote it, without
     * method or argument names.
     */
    private static String fieldName(ConstraintViolation<?> violation) {
        List<Path.Node> nodes =
                StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        return nodes.isEmpty() ? "" : nodes.getLast().getName();
    }
}
