package dev.embargo.triage.rest;

import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.triage.service.TriageClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Moves triage's clock forward on test stacks, so that deadlines days away fall due in seconds.
 * Where the clock is not adjustable (production), the resource does not exist: 404.
 */
@Path("/api/v1/clock")
@Tag(name = "Clock", description = "Test stacks only: triage's adjustable clock")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed("admin")
public class ClockResource {

    private final TriageClock clock;

    ClockResource(TriageClock clock) {
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Triage's time and its offset from the system clock")
    @APIResponse(
            responseCode = "404",
            description = "The clock is not adjustable here",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ClockView get() {
        return view(adjustableClock());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Run triage's clock ahead of the system clock by an ISO-8601 duration (PT0S:"
                            + " back in step)")
    @APIResponse(
            responseCode = "404",
            description = "The clock is not adjustable here",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ClockView set(@Valid @NotNull ClockRequest request) {
        TriageClock adjustable = adjustableClock();
        Duration offset;
        try {
            offset = Duration.parse(request.offset());
        } catch (DateTimeParseException e) {
            throw invalidOffset("an ISO-8601 duration such as P10D or PT49H");
        }
        if (offset.isNegative()) {
            throw invalidOffset("the clock only runs ahead of the system clock");
        }
        adjustable.setOffset(offset);
        return view(adjustable);
    }

    private TriageClock adjustableClock() {
        if (!clock.adjustable()) {
            throw new ProblemException(
                    Problem.of(
                            Status.NOT_FOUND,
                            "Triage's clock is not adjustable on this deployment."));
        }
        return clock;
    }

    private static ClockView view(TriageClock clock) {
        return new ClockView(clock.now(), clock.offset().toString());
    }

    private static ProblemException invalidOffset(String message) {
        return new ProblemException(
                new Problem(
                        "about:blank",
                        "Bad Request",
                        400,
                        "The clock cannot be set.",
                        List.of(new Problem.FieldError("offset", message))));
    }
}
