package dev.embargo.notify.rest;

import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.security.StaffScope;
import dev.embargo.notify.service.ReadinessBoard;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Partners' readiness per advisory, for coordinators and admins; staff limited to programs see only
 * theirs (others' are 404).
 */
@Path("/api/v1/preadvisories")
@Tag(name = "Partners", description = "Partners told under embargo and their answers")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({"coordinator", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class ReadinessBoardResource {

    private final ReadinessBoard board;
    private final StaffScope scope;

    ReadinessBoardResource(ReadinessBoard board, StaffScope scope) {
        this.board = board;
        this.scope = scope;
    }

    @GET
    @Path("/{advisoryId}/readiness")
    @Operation(
            summary = "The readiness board of an advisory",
            description =
                    "Who of the partners told received, acknowledged, answered and is ready for"
                            + " the lift, with their product statements; when coordinators are"
                            + " warned; and the advisory service's call that moves the lift.")
    @APIResponse(
            responseCode = "404",
            description = "No partner was told of it, or not in your programs",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<ReadinessBoardView> board(
            @PathParam("advisoryId") @Size(max = 100) String advisoryId) {
        return board.of(advisoryId, scope::covers);
    }
}
