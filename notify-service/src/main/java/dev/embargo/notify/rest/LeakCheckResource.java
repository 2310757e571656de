package dev.embargo.notify.rest;

import dev.embargo.kit.problem.Problem;
import dev.embargo.notify.service.LeakChecks;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Checks a leaked text against the recipients of pre-advisories. */
@Path("/api/v1/leak-checks")
@Tag(
        name = "Leak checks",
        description = "Trace a leaked pre-advisory to its recipient by watermark")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({"coordinator", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class LeakCheckResource {

    private final LeakChecks leakChecks;
    private final SecurityIdentity identity;

    LeakCheckResource(LeakChecks leakChecks, SecurityIdentity identity) {
        this.leakChecks = leakChecks;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Which partner's copy is this?",
            description =
                    "Finds the watermarks a text carries (visible reference or invisible mark) and"
                            + " answers the copies they belong to; an empty list when none.")
    @APIResponse(responseCode = "200", description = "The matching copies")
    @APIResponse(
            responseCode = "400",
            description = "No text",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<List<LeakChecks.Match>> check(@Valid @NotNull LeakCheckRequest request) {
        return leakChecks.check(request.text(), identity.getPrincipal().getName());
    }
}
