package dev.embargo.advisory.rest;

import dev.embargo.advisory.mapping.TrackedReportMapper;
import dev.embargo.advisory.service.LifecycleProjection;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.security.StaffScope;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What publishers see coming: reports and how far they are. */
@Path("/api/v1/tracked-reports")
@Tag(name = "Tracked reports", description = "The report lifecycle as advisory knows it")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({"publisher", "admin"})
public class TrackedReportResource {

    private final LifecycleProjection projection;
    private final TrackedReportMapper mapper;
    private final StaffScope scope;

    TrackedReportResource(
            LifecycleProjection projection, TrackedReportMapper mapper, StaffScope scope) {
        this.scope = scope;
        this.projection = projection;
        this.mapper = mapper;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "List tracked reports, most recently changed first (of the caller's programs)")
    @APIResponse(responseCode = "200", description = "One page of tracked reports")
    @APIResponse(
            responseCode = "401",
            description = "No valid access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "403",
            description = "Not a publisher or admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<List<TrackedReportView>> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return projection
                .list(scope.programs(), page, size)
                .map(found -> found.stream().map(mapper::toView).toList());
    }
}
