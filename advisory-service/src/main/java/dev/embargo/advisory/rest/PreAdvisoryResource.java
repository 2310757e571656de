package dev.embargo.advisory.rest;

import dev.embargo.advisory.mapping.PreAdvisoryMapper;
import dev.embargo.advisory.service.PreAdvisories;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.kit.security.StaffScope;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Pre-advisories: told to partner groups under embargo, delivered by notify as signed webhooks. */
@Path("/api/v1/pre-advisories")
@Tag(name = "Pre-advisories", description = "Embargoed notices to partner groups")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({"coordinator", "publisher", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class PreAdvisoryResource {

    private final PreAdvisories preAdvisories;
    private final SecurityIdentity identity;
    private final StaffScope scope;
    private final PreAdvisoryMapper mapper;

    PreAdvisoryResource(
            PreAdvisories preAdvisories,
            SecurityIdentity identity,
            StaffScope scope,
            PreAdvisoryMapper mapper) {
        this.mapper = mapper;
        this.preAdvisories = preAdvisories;
        this.identity = identity;
        this.scope = scope;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Release a pre-advisory to partner groups",
            description =
                    "Sealed at rest and on Kafka (preadvisory.released.v1); notify delivers it to"
                            + " each partner endpoint of the groups that follows the program.")
    @APIResponse(responseCode = "201", description = "Released")
    @APIResponse(
            responseCode = "400",
            description = "Invalid request",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> release(@Valid @NotNull PreAdvisoryRequest request) {
        if (!scope.covers(request.program())) {
            throw new ProblemException(
                    Problem.of(
                            Response.Status.NOT_FOUND,
                            "No program named " + request.program() + "."));
        }
        return preAdvisories
                .release(
                        request.program(),
                        request.title(),
                        request.summary(),
                        request.embargoUntil(),
                        request.partnerGroups(),
                        request.trackingIds(),
                        identity.getPrincipal().getName())
                .map(
                        released ->
                                Response.status(Response.Status.CREATED)
                                        .entity(mapper.toView(released))
                                        .build());
    }

    @GET
    @Operation(summary = "Released pre-advisories, newest first (of the caller's programs)")
    public Uni<List<PreAdvisoryView>> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return preAdvisories
                .list(scope.programs(), page, size)
                .map(found -> found.stream().map(mapper::toView).toList());
    }
}
