package dev.embargo.intake.rest;

import dev.embargo.intake.config.IntakeConfig;
import dev.embargo.intake.mapping.ReportMapper;
import dev.embargo.intake.service.ReportAttachments;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.security.StaffScope;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * Reporters' files for the staff who work on cases. Intake keeps them (no other service holds the
 * content); triage's case names the tracking id to look them up by.
 */
@Path("/api/v1/staff/reports/{trackingId}/attachments")
@Tag(name = "Staff: attachments", description = "Files reporters sent, for case workers")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({"triager", "coordinator", "admin"})
public class StaffAttachmentResource {

    private static final Logger LOG = Logger.getLogger(StaffAttachmentResource.class);

    private final ReportAttachments attachments;
    private final ReportMapper mapper;
    private final StaffScope scope;
    private final SecurityIdentity identity;
    private final IntakeConfig config;

    StaffAttachmentResource(
            ReportAttachments attachments,
            ReportMapper mapper,
            StaffScope scope,
            SecurityIdentity identity,
            IntakeConfig config) {
        this.attachments = attachments;
        this.mapper = mapper;
        this.scope = scope;
        this.identity = identity;
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List a report's files")
    @APIResponse(
            responseCode = "404",
            description = "No such report in the caller's programs",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<List<AttachmentView>> list(@PathParam("trackingId") String trackingId) {
        String base =
                config.publicUrl().replaceAll("/+$", "")
                        + "/api/v1/staff/reports/"
                        + trackingId
                        + "/attachments/";
        return attachments
                .forStaff(trackingId, scope)
                .map(
                        files ->
                                files.stream()
                                        .map(file -> mapper.toView(file, base + file.id()))
                                        .toList());
    }

    @GET
    @Path("/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @Operation(
            summary = "Download a report's file",
            description = "Always a download, with its SHA-256 in Repr-Digest.")
    @APIResponse(
            responseCode = "404",
            description = "No such file in the caller's programs",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> download(
            @PathParam("trackingId") String trackingId,
            @PathParam("attachmentId") String attachmentId) {
        return attachments
                .forStaff(trackingId, attachmentId, scope)
                .map(
                        file -> {
                            // Who read which file is worth knowing later; the name and content are
                            // not logged.
                            LOG.infof(
                                    "%s downloaded attachment %s of %s",
                                    identity.getPrincipal().getName(), attachmentId, trackingId);
                            return Downloads.of(file);
                        });
    }
}
