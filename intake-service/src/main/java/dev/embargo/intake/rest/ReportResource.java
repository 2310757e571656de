package dev.embargo.intake.rest;

import dev.embargo.intake.domain.AttachmentSummary;
import dev.embargo.intake.domain.Report;
import dev.embargo.intake.domain.ReportMessage;
import dev.embargo.intake.mapping.ReportMapper;
import dev.embargo.intake.service.AcceptedReport;
import dev.embargo.intake.service.ReportAttachments;
import dev.embargo.intake.service.ReportConversation;
import dev.embargo.intake.service.ReportEscalations;
import dev.embargo.intake.service.ReportService;
import dev.embargo.intake.service.ReportSteps;
import dev.embargo.intake.service.ReporterKeys;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The public face of intake: anyone may report, only the reporter may follow the report. */
@Path("/api/v1/reports")
@Tag(name = "Reports", description = "Report a vulnerability and follow it")
public class ReportResource {

    private static final String BEARER = "Bearer ";

    private final ReportService service;
    private final ReportMapper mapper;
    private final ReportConversation conversation;
    private final ReportAttachments attachments;
    private final Uploads uploads;
    private final ReporterKeys keys;
    private final ReportEscalations escalations;
    private final ReportSteps steps;

    ReportResource(
            ReportService service,
            ReportMapper mapper,
            ReportConversation conversation,
            ReportAttachments attachments,
            Uploads uploads,
            ReporterKeys keys,
            ReportEscalations escalations,
            ReportSteps steps) {
        this.keys = keys;
        this.escalations = escalations;
        this.steps = steps;
        this.conversation = conversation;
        this.attachments = attachments;
        this.uploads = uploads;
        this.service = service;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Report a vulnerability",
            description = "No account needed. Keep the reporter token: it is shown only once.")
    @APIResponse(
            responseCode = "201",
            description = "Report accepted",
            content = @Content(schema = @Schema(implementation = ReportReceipt.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed or invalid report",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "413",
            description = "Body over the size limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "422",
            description = "Unknown program",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> submit(@Valid @NotNull SubmitReportRequest request) {
        return service.submit(mapper.toNewReport(request)).map(this::created);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Report a vulnerability with files",
            description =
                    "Multipart: the report as JSON in the part 'report', each file in a part"
                        + " 'file'. Files are judged by their content (text, PDF, images, screen"
                        + " recordings, zip/gzip, pcap, OpenPGP); defaults: 10 MiB each, 5 per"
                        + " upload, 20 per report.")
    @APIResponse(
            responseCode = "201",
            description = "Report accepted with its files",
            content = @Content(schema = @Schema(implementation = ReportReceipt.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed or invalid report, or an empty file",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "413",
            description = "A file too large, or too many",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "415",
            description = "A file of a type not accepted",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> submitWithFiles(
            @RestForm("report") @PartType(MediaType.APPLICATION_JSON) @Valid @NotNull
                    SubmitReportRequest request,
            @RestForm("file") List<FileUpload> files) {
        return uploads.read(files)
                .chain(read -> service.submit(mapper.toNewReport(request), read))
                .map(this::created);
    }

    @GET
    @Path("/{trackingId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "See a report's status",
            description = "Send the reporter token as 'Authorization: Bearer <token>'.")
    @APIResponse(
            responseCode = "200",
            description = "The report's status",
            content = @Content(schema = @Schema(implementation = ReportStatusView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No report matches this tracking id and token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<ReportStatusView> status(
            @PathParam("trackingId") String trackingId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return service.findForReporter(trackingId, bearerToken(authorization))
                .chain(
                        report ->
                                conversation
                                        .messagesOf(report.id)
                                        .chain(
                                                messages ->
                                                        attachments
                                                                .listed(report.id)
                                                                .chain(
                                                                        files ->
                                                                                statusView(
                                                                                        report,
                                                                                        messages,
                                                                                        files))));
    }

    private Uni<ReportStatusView> statusView(
            Report report, List<ReportMessage> messages, List<AttachmentSummary> files) {
        return steps.current(report)
                .chain(
                        promised ->
                                escalations
                                        .escalationsOf(report.id)
                                        .map(
                                                escalated ->
                                                        mapper.toStatusView(
                                                                report, promised, messages, files,
                                                                escalated)));
    }

    @POST
    @Path("/{trackingId}/escalations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Escalate a late or overdue-for-an-answer promised step",
            description =
                    "With the reporter token as 'Authorization: Bearer <token>'. Only a step the"
                            + " status shows as escalable (late, or not met once the program's"
                            + " escalation threshold passed), once per step per 7 days; the"
                            + " program's team is told by email, the message stays with the case.")
    @APIResponse(responseCode = "201", description = "The escalation and when it was received")
    @APIResponse(
            responseCode = "400",
            description = "No such step, or an empty or too long message",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "404",
            description = "No report matches this tracking id and token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "409",
            description =
                    "The step may not be escalated (met, not late, threshold not passed), or was"
                            + " escalated within the last 7 days",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> escalate(
            @PathParam("trackingId") String trackingId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Valid @NotNull EscalationRequest request) {
        return escalations
                .escalate(trackingId, bearerToken(authorization), request.step(), request.message())
                .map(
                        escalation ->
                                Response.status(Response.Status.CREATED)
                                        .entity(
                                                new EscalationView(
                                                        escalation.step,
                                                        escalation.receivedAt.toInstant()))
                                        .build());
    }

    @POST
    @Path("/{trackingId}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Write to the security team",
            description =
                    "With the reporter token as 'Authorization: Bearer "
                            + "<token>'. The team is told by email and answers on the status page.")
    @APIResponse(responseCode = "201", description = "The message, as the status page shows it")
    @APIResponse(
            responseCode = "404",
            description = "No report matches this tracking id and token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> postMessage(
            @PathParam("trackingId") String trackingId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Valid @NotNull ReporterMessageRequest request) {
        return conversation
                .postByReporter(trackingId, bearerToken(authorization), request.text())
                .map(message -> created(message, request.text()));
    }

    @POST
    @Path("/{trackingId}/messages")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Write to the security team with files",
            description =
                    "Multipart: the text in the part 'text' (may be empty when files come), each"
                            + " file in a part 'file'; limits as for reports.")
    @APIResponse(responseCode = "201", description = "The message, as the status page shows it")
    @APIResponse(
            responseCode = "404",
            description = "No report matches this tracking id and token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "413",
            description = "A file too large, or too many",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "415",
            description = "A file of a type not accepted",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> postMessageWithFiles(
            @PathParam("trackingId") String trackingId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @RestForm("text") @Size(max = ReporterMessageRequest.MAX_TEXT) String text,
            @RestForm("file") List<FileUpload> files) {
        String said = text == null ? "" : text;
        if (said.isBlank() && (files == null || files.isEmpty())) {
            throw new ProblemException(
                    Problem.of(Response.Status.BAD_REQUEST, "Send a text, files, or both."));
        }
        return uploads.read(files)
                .chain(
                        read ->
                                conversation.postByReporter(
                                        trackingId, bearerToken(authorization), said, read))
                .map(message -> created(message, said));
    }

    @GET
    @Path("/{trackingId}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @Operation(
            summary = "Download a file of the report",
            description =
                    "With the reporter token as 'Authorization: Bearer <token>'. Always a download"
                        + " (Content-Disposition: attachment), with its SHA-256 in Repr-Digest.")
    @APIResponse(responseCode = "200", description = "The file")
    @APIResponse(
            responseCode = "404",
            description = "No such file for this tracking id and token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> download(
            @PathParam("trackingId") String trackingId,
            @PathParam("attachmentId") String attachmentId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return attachments
                .forReporter(trackingId, bearerToken(authorization), attachmentId)
                .map(Downloads::of);
    }

    @PUT
    @Path("/{trackingId}/openpgp-key")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Give or replace your OpenPGP public key",
            description =
                    "With the reporter token as 'Authorization: Bearer <token>'. Emails to you are"
                            + " encrypted to this key from now on.")
    @APIResponse(
            responseCode = "200",
            description = "The fingerprint of the key emails are encrypted to")
    @APIResponse(
            responseCode = "404",
            description = "No report matches this tracking id and token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "422",
            description = "No email could be encrypted to this key",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Map<String, String>> provideKey(
            @PathParam("trackingId") String trackingId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Valid @NotNull ReporterKeyRequest request) {
        return keys.replace(trackingId, bearerToken(authorization), request.publicKey())
                .map(fingerprint -> Map.of("fingerprint", fingerprint));
    }

    @POST
    @Path("/{trackingId}/token")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace the reporter token",
            description =
                    "With the current token as 'Authorization: Bearer <token>'. The new token is"
                            + " shown once; the old one stops working at once.")
    @APIResponse(
            responseCode = "404",
            description = "No report matches this tracking id and token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Map<String, String>> rotateToken(
            @PathParam("trackingId") String trackingId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return service.rotateToken(trackingId, bearerToken(authorization))
                .map(token -> Map.of("reporterToken", token));
    }

    /** 201 with the receipt, pointing at the report's status URL. */
    private Response created(AcceptedReport accepted) {
        ReportReceipt receipt = mapper.toReceipt(accepted);
        return Response.created(URI.create(receipt.statusUrl())).entity(receipt).build();
    }

    /**
     * 201 with the message as the status page shows it (the text as the reporter sent it, not
     * sealed).
     */
    private static Response created(ReportMessage message, String text) {
        return Response.status(Response.Status.CREATED)
                .entity(
                        new MessageView(
                                message.id.toString(),
                                message.author,
                                text,
                                message.postedAt.toInstant()))
                .build();
    }

    private static String bearerToken(String authorization) {
        if (authorization == null
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).strip();
    }
}
