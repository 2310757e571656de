package dev.embargo.triage.rest;

import dev.embargo.kit.problem.Problem;
import dev.embargo.triage.mapping.CaseMapper;
import dev.embargo.triage.service.CaseService;
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

/** The case queue. Staff only: every role that works cases may read it. */
@Path("/api/v1/cases")
@Tag(name = "Cases", description = "The security team's case queue")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({"triager", "coordinator", "admin"})
public class CaseResource {

    private final CaseService service;
    private final CaseMapper mapper;

    CaseResource(CaseService service, CaseMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List cases, newest first")
    @APIResponse(responseCode = "200", description = "One page of cases")
    @APIResponse(responseCode = "401", description = "No valid access token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "No staff role for cases", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<List<CaseSummary>> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                       @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.listCases(page, size).map(cases -> cases.stream().map(mapper::toSummary).toList());
    }
}
