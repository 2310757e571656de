package dev.embargo.triage.rest;

import dev.embargo.kit.problem.Problem;
import dev.embargo.triage.domain.VulnerabilityCase;
import dev.embargo.triage.service.CaseService;
import dev.embargo.triage.service.CveIds;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A case's CVE ID, by its program's CVE route. Staff read it; coordinators assign, request, record
 * and reject.
 */
@Path("/api/v1/cases/{caseId}/cve")
@Tag(name = "CVE IDs", description = "CVE IDs of cases and programs' reserved pools")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"triager", "coordinator", "admin"})
public class CaseCveResource {

    private final CveIds cveIds;
    private final CaseService cases;
    private final SecurityIdentity identity;

    CaseCveResource(CveIds cveIds, CaseService cases, SecurityIdentity identity) {
        this.cveIds = cveIds;
        this.cases = cases;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The case's CVE ID, its request and its CNA clock facts")
    public Uni<CveViews.OfCase> get(@PathParam("caseId") UUID caseId) {
        return cases.findCase(caseId).map(CaseCveResource::view);
    }

    @POST
    @Path("/assign")
    @RolesAllowed({"coordinator", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Assign a reserved CVE ID (own CNA)",
            description =
                    "The ID named, or the program's lowest free one. Announced as"
                            + " case.cve.assigned.v2: the reporter is told.")
    @APIResponse(
            responseCode = "409",
            description =
                    "The program is not its own CNA, the case has an ID, or the pool has none free",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<CveViews.OfCase> assign(
            @PathParam("caseId") UUID caseId, @Valid @NotNull CveRequests.Assign request) {
        return cveIds.assign(caseId, request.cveId(), actor()).map(CaseCveResource::view);
    }

    @POST
    @Path("/request")
    @RolesAllowed({"coordinator", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record that the team asked another assigner for an ID")
    @APIResponse(
            responseCode = "409",
            description = "The program assigns its own IDs, or gets none",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<CveViews.OfCase> request(
            @PathParam("caseId") UUID caseId, @Valid @NotNull CveRequests.Request request) {
        return cveIds.request(
                        caseId, request.from(), request.reference(), request.requestedAt(), actor())
                .map(CaseCveResource::view);
    }

    @PUT
    @RolesAllowed({"coordinator", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record the ID another assigner gave",
            description = "Announced as case.cve.assigned.v2: the reporter is told.")
    public Uni<CveViews.OfCase> arrived(
            @PathParam("caseId") UUID caseId, @Valid @NotNull CveRequests.Arrived request) {
        return cveIds.recordArrived(caseId, request.cveId(), actor()).map(CaseCveResource::view);
    }

    @POST
    @Path("/reject")
    @RolesAllowed({"coordinator", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Reject the case's ID",
            description =
                    "An own CNA's reservation becomes rejected with the reason; announced as"
                            + " case.cve.rejected.v1.")
    public Uni<CveViews.OfCase> reject(
            @PathParam("caseId") UUID caseId, @Valid @NotNull ReasonRequest request) {
        return cveIds.reject(caseId, request.reason(), actor()).map(CaseCveResource::view);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static CveViews.OfCase view(VulnerabilityCase found) {
        return new CveViews.OfCase(
                found.cveId,
                found.cveRoute,
                instant(found.cveAssignedAt),
                found.cveRequestedFrom,
                instant(found.cveRequestedAt),
                found.cveRequestReference,
                instant(found.publiclyDisclosedAt),
                instant(found.cveRecordPublishedAt));
    }

    private static java.time.Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
