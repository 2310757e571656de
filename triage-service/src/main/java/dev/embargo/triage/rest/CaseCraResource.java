package dev.embargo.triage.rest;

import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.policy.deadline.CraTrigger;
import dev.embargo.triage.domain.CraNotification;
import dev.embargo.triage.domain.CraNotificationContent;
import dev.embargo.triage.domain.CraNotificationKind;
import dev.embargo.triage.domain.VulnerabilityCase;
import dev.embargo.triage.service.CraReporting;
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
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A case's EU Cyber Resilience Act reporting (Article 14). Staff read it; coordinators start the
 * clock, correct it, and draft, edit, review and record the submission of the notifications.
 */
@Path("/api/v1/cases/{caseId}/cra")
@Tag(name = "EU CRA", description = "Article 14 reporting of exploited vulnerabilities")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"triager", "coordinator", "admin"})
public class CaseCraResource {

    private final CraReporting reporting;
    private final SecurityIdentity identity;

    CaseCraResource(CraReporting reporting, SecurityIdentity identity) {
        this.reporting = reporting;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The case's CRA clock and its notifications")
    public Uni<CraViews.OfCase> get(@PathParam("caseId") UUID caseId) {
        return reporting.of(caseId).map(this::view);
    }

    @POST
    @RolesAllowed({"coordinator", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Start the CRA clock: actively exploited, or a severe incident",
            description =
                    "From the time the team became aware: early warning within 24 hours,"
                            + " notification within 72 hours, the final report after a corrective"
                            + " measure (or the incident notification).")
    @APIResponse(
            responseCode = "409",
            description = "The program's products are not on the EU market, or the clock runs",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<CraViews.OfCase> start(
            @PathParam("caseId") UUID caseId, @Valid @NotNull CraRequests.Start request) {
        return reporting
                .start(
                        caseId,
                        CraTrigger.valueOf(request.trigger().toUpperCase(Locale.ROOT)),
                        request.awareAt(),
                        request.reason(),
                        actor())
                .chain(() -> get(caseId));
    }

    @PUT
    @Path("/awareness")
    @RolesAllowed({"coordinator", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct when the team became aware (audited with the reason)")
    public Uni<CraViews.OfCase> awareness(
            @PathParam("caseId") UUID caseId, @Valid @NotNull CraRequests.Awareness request) {
        return reporting
                .editAwareness(caseId, request.awareAt(), request.reason(), actor())
                .chain(() -> get(caseId));
    }

    @PUT
    @Path("/corrective-measure")
    @RolesAllowed({"coordinator", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record that a corrective or mitigating measure is available")
    public Uni<CraViews.OfCase> correctiveMeasure(
            @PathParam("caseId") UUID caseId,
            @Valid @NotNull CraRequests.CorrectiveMeasure request) {
        return reporting
                .correctiveMeasure(caseId, request.availableAt(), request.description(), actor())
                .chain(() -> get(caseId));
    }

    @POST
    @Path("/notifications/{kind}")
    @RolesAllowed({"coordinator", "admin"})
    @Operation(
            summary = "Draft a notification from the case",
            description = "kind: early_warning, notification or final_report.")
    public Uni<CraViews.OfCase> draft(
            @PathParam("caseId") UUID caseId, @PathParam("kind") String kind) {
        return reporting.draft(caseId, kind(kind), actor()).chain(() -> get(caseId));
    }

    @PUT
    @Path("/notifications/{kind}")
    @RolesAllowed({"coordinator", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit a notification's fields; it needs reviewing again")
    public Uni<CraViews.OfCase> edit(
            @PathParam("caseId") UUID caseId,
            @PathParam("kind") String kind,
            @NotNull CraNotificationContent content) {
        return reporting.edit(caseId, kind(kind), content, actor()).chain(() -> get(caseId));
    }

    @POST
    @Path("/notifications/{kind}/review")
    @RolesAllowed({"coordinator", "admin"})
    @Operation(summary = "Approve a notification for submission")
    public Uni<CraViews.OfCase> review(
            @PathParam("caseId") UUID caseId, @PathParam("kind") String kind) {
        return reporting.review(caseId, kind(kind), actor()).chain(() -> get(caseId));
    }

    @POST
    @Path("/notifications/{kind}/submission")
    @RolesAllowed({"coordinator", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record a reviewed notification's submission to the reporting platform",
            description = "Keeps the notification's deadline.")
    @APIResponse(
            responseCode = "409",
            description = "Not reviewed, or submitted already",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<CraViews.OfCase> submit(
            @PathParam("caseId") UUID caseId,
            @PathParam("kind") String kind,
            @Valid @NotNull CraRequests.Submission request) {
        return reporting
                .submit(caseId, kind(kind), request.reference(), request.submittedAt(), actor())
                .chain(() -> get(caseId));
    }

    @GET
    @Path("/notifications/{kind}/export.json")
    @Operation(summary = "A notification as JSON, with the Article 14 fields its kind asks for")
    public Uni<CraViews.Export> exportJson(
            @PathParam("caseId") UUID caseId, @PathParam("kind") String kind) {
        return export(caseId, kind(kind));
    }

    @GET
    @Path("/notifications/{kind}/export.txt")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "A notification as plain text")
    public Uni<String> exportText(
            @PathParam("caseId") UUID caseId, @PathParam("kind") String kind) {
        return export(caseId, kind(kind)).map(CraViews.Export::text);
    }

    private Uni<CraViews.Export> export(UUID caseId, CraNotificationKind kind) {
        return reporting
                .of(caseId)
                .map(
                        found -> {
                            VulnerabilityCase vulnerabilityCase = found.vulnerabilityCase();
                            CraNotification notification =
                                    found.notifications().stream()
                                            .filter(drafted -> drafted.kind.equals(kind.wireName()))
                                            .findFirst()
                                            .orElseThrow(
                                                    () ->
                                                            new ProblemException(
                                                                    Problem.of(
                                                                            Response.Status
                                                                                    .NOT_FOUND,
                                                                            "The notification is"
                                                                                    + " not drafted"
                                                                                    + " yet.")));
                            return new CraViews.Export(
                                    kind.wireName(),
                                    kind.title(),
                                    article(vulnerabilityCase, kind),
                                    vulnerabilityCase.programSlug,
                                    vulnerabilityCase.trackingId,
                                    vulnerabilityCase.cveId,
                                    vulnerabilityCase.craTrigger,
                                    instant(vulnerabilityCase.craAwareAt),
                                    instant(vulnerabilityCase.craCorrectiveMeasureAt),
                                    reporting.contentOf(notification).fieldsOf(kind),
                                    notification.reviewedBy,
                                    instant(notification.reviewedAt),
                                    instant(notification.submittedAt),
                                    notification.submissionReference);
                        });
    }

    private CraViews.OfCase view(CraReporting.CraCase found) {
        VulnerabilityCase vulnerabilityCase = found.vulnerabilityCase();
        return new CraViews.OfCase(
                vulnerabilityCase.craTrigger,
                instant(vulnerabilityCase.craAwareAt),
                instant(vulnerabilityCase.craCorrectiveMeasureAt),
                reporting.correctiveMeasureOf(vulnerabilityCase),
                found.notifications().stream()
                        .sorted(
                                Comparator.comparing(
                                        notification ->
                                                CraNotificationKind.fromWireName(notification.kind)
                                                        .orElseThrow()))
                        .map(
                                notification ->
                                        new CraViews.Notification(
                                                notification.kind,
                                                article(
                                                        vulnerabilityCase,
                                                        CraNotificationKind.fromWireName(
                                                                        notification.kind)
                                                                .orElseThrow()),
                                                reporting.contentOf(notification),
                                                notification.draftedBy,
                                                instant(notification.draftedAt),
                                                notification.editedBy,
                                                instant(notification.editedAt),
                                                notification.reviewedBy,
                                                instant(notification.reviewedAt),
                                                notification.submittedBy,
                                                instant(notification.submittedAt),
                                                notification.submissionReference))
                        .toList());
    }

    /**
     * Article 14(2) for an exploited vulnerability, 14(4) for a severe incident; (a)–(c) by kind.
     */
    private static String article(VulnerabilityCase vulnerabilityCase, CraNotificationKind kind) {
        String paragraph = "severe_incident".equals(vulnerabilityCase.craTrigger) ? "4" : "2";
        return "Art. 14(" + paragraph + ")(" + (char) ('a' + kind.ordinal()) + ")";
    }

    private static CraNotificationKind kind(String name) {
        return CraNotificationKind.fromWireName(name)
                .orElseThrow(
                        () ->
                                new ProblemException(
                                        new Problem(
                                                "about:blank",
                                                "Bad Request",
                                                400,
                                                "Unknown notification '" + name + "'.",
                                                List.of(
                                                        new Problem.FieldError(
                                                                "kind",
                                                                "one of early_warning,"
                                                                        + " notification,"
                                                                        + " final_report")))));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
