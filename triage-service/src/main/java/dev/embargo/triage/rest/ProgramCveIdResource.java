package dev.embargo.triage.rest;

import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.problem.Problem;
import dev.embargo.triage.domain.CveReservation;
import dev.embargo.triage.service.CveIds;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An own CNA's pool of reserved CVE IDs. Coordinators see it and reject unused IDs; admins import
 * and reserve.
 */
@Path("/api/v1/programs/{slug}/cve-ids")
@Tag(name = "CVE IDs", description = "CVE IDs of cases and programs' reserved pools")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"coordinator", "admin"})
public class ProgramCveIdResource {

    private final CveIds cveIds;
    private final FieldCipher cipher;
    private final SecurityIdentity identity;

    ProgramCveIdResource(CveIds cveIds, FieldCipher cipher, SecurityIdentity identity) {
        this.cveIds = cveIds;
        this.cipher = cipher;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The program's reserved IDs: free, assigned and rejected")
    public Uni<List<CveViews.Reservation>> list(@PathParam("slug") String slug) {
        return cveIds.pool(slug).map(pool -> pool.stream().map(this::view).toList());
    }

    @POST
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Add reserved IDs to the pool",
            description = "One ID reserved in CVE Services, or a whole imported list.")
    @APIResponse(
            responseCode = "409",
            description = "The program is not its own CNA, or an ID is known already",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<List<CveViews.Reservation>> reserve(
            @PathParam("slug") String slug, @Valid @NotNull CveRequests.Reserve request) {
        return cveIds.reserve(slug, request.cveIds(), identity.getPrincipal().getName())
                .map(added -> added.stream().map(this::view).toList());
    }

    @POST
    @Path("/{cveId}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Reject an unused reserved ID",
            description =
                    "CNA rule 4.5.3.5: IDs that will not be used are rejected, with a reason.")
    @APIResponse(
            responseCode = "409",
            description = "The ID is assigned or rejected already",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<CveViews.Reservation> reject(
            @PathParam("slug") String slug,
            @PathParam("cveId") String cveId,
            @Valid @NotNull ReasonRequest request) {
        return cveIds.rejectUnused(slug, cveId, request.reason(), identity.getPrincipal().getName())
                .map(this::view);
    }

    private CveViews.Reservation view(CveReservation reservation) {
        return new CveViews.Reservation(
                reservation.cveId,
                reservation.state,
                reservation.caseId,
                reservation.reservedBy,
                instant(reservation.reservedAt),
                reservation.sealedRejectionReason == null
                        ? null
                        : cipher.open(reservation.sealedRejectionReason),
                instant(reservation.rejectedAt));
    }

    private static java.time.Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
