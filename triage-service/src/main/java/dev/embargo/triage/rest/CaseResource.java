package dev.embargo.triage.rest;

import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.policy.deadline.Extension;
import dev.embargo.policy.deadline.Step;
import dev.embargo.policy.model.PolicyDuration;
import dev.embargo.triage.domain.CaseState;
import dev.embargo.triage.domain.CiaImpact;
import dev.embargo.triage.domain.VulnerabilityCase;
import dev.embargo.triage.mapping.CaseMapper;
import dev.embargo.triage.repository.CaseRepository;
import dev.embargo.triage.service.CaseEscalations;
import dev.embargo.triage.service.CaseService;
import dev.embargo.triage.service.DeadlineAdjustments;
import dev.embargo.triage.service.Duplicates;
import dev.embargo.triage.service.ScopeDecisions;
import dev.embargo.triage.service.SeverityAssessment;
import dev.embargo.triage.service.SsvcDecisions;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
    private final SeverityAssessment severities;
    private final DeadlineAdjustments adjustments;
    private final CaseMapper mapper;
    private final SecurityIdentity identity;
    private final Duplicates duplicates;
    private final ScopeDecisions scopes;
    private final SsvcDecisions ssvc;
    private final CaseEscalations escalations;

    CaseResource(
            CaseService service,
            SeverityAssessment severities,
            DeadlineAdjustments adjustments,
            CaseMapper mapper,
            SecurityIdentity identity,
            Duplicates duplicates,
            ScopeDecisions scopes,
            SsvcDecisions ssvc,
            CaseEscalations escalations) {
        this.ssvc = ssvc;
        this.escalations = escalations;
        this.scopes = scopes;
        this.duplicates = duplicates;
        this.service = service;
        this.severities = severities;
        this.adjustments = adjustments;
        this.mapper = mapper;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "List cases, newest first, filtered by program, state, severity, owner,"
                            + " overdue, spam signals and open escalations")
    @APIResponse(responseCode = "200", description = "One page of cases")
    @APIResponse(
            responseCode = "401",
            description = "No valid access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "403",
            description = "No staff role for cases",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<List<CaseSummary>> list(
            @QueryParam("program") @Size(max = 64) String program,
            @QueryParam("state") @Size(max = 40) String state,
            @QueryParam("severity") @Size(max = 40) String severity,
            @QueryParam("owner") @Size(max = 200) String owner,
            @QueryParam("overdue") @DefaultValue("false") boolean overdue,
            @QueryParam("spamSuspected") @DefaultValue("false") boolean spamSuspected,
            @QueryParam("escalated") @DefaultValue("false") boolean escalated,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        CaseRepository.CaseFilter filter =
                new CaseRepository.CaseFilter(
                        Optional.ofNullable(program),
                        Optional.ofNullable(state)
                                .map(
                                        name ->
                                                CaseState.fromWireName(name)
                                                        .orElseThrow(
                                                                () -> unknownState("state", name))),
                        Optional.ofNullable(severity),
                        Optional.ofNullable(owner),
                        overdue,
                        spamSuspected,
                        escalated);
        return service.listCases(filter, page, size).chain(this::summaries);
    }

    @PUT
    @Path("/{caseId}/owner")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign the case's owner (null or blank: none)")
    public Uni<CaseSummary> owner(
            @PathParam("caseId") UUID caseId, @Valid @NotNull OwnerRequest request) {
        return service.assignOwner(caseId, request.owner(), identity.getPrincipal().getName())
                .chain(this::summary);
    }

    @GET
    @Path("/{caseId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One case, with the moves allowed from its state")
    @APIResponse(
            responseCode = "404",
            description = "No such case",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<CaseSummary> get(@PathParam("caseId") UUID caseId) {
        return service.findCase(caseId).chain(this::summary);
    }

    @GET
    @Path("/{caseId}/report")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "What the reporter wrote",
            description =
                    "Title and description opened for staff; the report's "
                            + "files are listed by intake at the path in 'attachments'.")
    @APIResponse(
            responseCode = "404",
            description = "No such case",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<ReportTextView> report(@PathParam("caseId") UUID caseId) {
        return service.findCase(caseId).map(mapper::toReportText);
    }

    @POST
    @Path("/{caseId}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Move a case in its lifecycle",
            description = "Every move is an event (case.state.changed.v1) and an audit line.")
    @APIResponse(responseCode = "200", description = "The case after the move")
    @APIResponse(
            responseCode = "409",
            description = "Not allowed from the case's state; the problem lists the allowed moves",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<CaseSummary> transition(
            @PathParam("caseId") UUID caseId, @Valid @NotNull TransitionRequest request) {
        CaseState to =
                CaseState.fromWireName(request.to())
                        .orElseThrow(() -> unknownState("to", request.to()));
        return service.transition(
                        caseId,
                        to,
                        request.reason(),
                        identity.getPrincipal().getName(),
                        request.duplicateOf(),
                        request.question())
                .chain(this::summary);
    }

    @GET
    @Path("/{caseId}/audit")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The case's audit trail, oldest first")
    public Uni<List<AuditLineView>> audit(@PathParam("caseId") UUID caseId) {
        return service.auditTrail(caseId)
                .map(
                        lines ->
                                lines.stream()
                                        .map(line -> mapper.toView(line, service.auditDetail(line)))
                                        .toList());
    }

    @PUT
    @Path("/{caseId}/severity")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Score a case",
            description =
                    "A CVSS 3.x/4.0 vector (mapped to the program's level by its score) "
                            + "and/or a named level; the deadlines follow the new severity.")
    @APIResponse(responseCode = "200", description = "The case, rescored")
    @APIResponse(
            responseCode = "400",
            description = "Invalid vector or level",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<CaseSummary> severity(
            @PathParam("caseId") UUID caseId, @Valid @NotNull SeverityRequest request) {
        CiaImpact impact =
                request.ciaImpact() == null
                        ? null
                        : new CiaImpact(
                                request.ciaImpact().confidentiality(),
                                request.ciaImpact().integrity(),
                                request.ciaImpact().availability());
        return severities
                .assess(
                        caseId,
                        request.cvssVector(),
                        request.level(),
                        impact,
                        identity.getPrincipal().getName())
                .chain(this::summary);
    }

    @PUT
    @Path("/{caseId}/ssvc")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record an SSVC decision beside the CVSS score",
            description =
                    "The decision points of CISA's SSVC table (GET /api/v1/ssvc/tables) give Track,"
                        + " Track*, Attend or Act; CERT/CC's coordinator triage (Decline, Track,"
                        + " Coordinate) is optional. Audited; exploitation Active offers the"
                        + " expedited track.")
    @APIResponse(responseCode = "200", description = "The case, with its SSVC decision")
    @APIResponse(
            responseCode = "400",
            description = "A decision point missing, unknown or with a value the table lacks",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<CaseSummary> ssvc(
            @PathParam("caseId") UUID caseId, @Valid @NotNull SsvcRequest request) {
        return ssvc.decide(
                        caseId,
                        request.decisionPoints(),
                        request.coordinatorTriage(),
                        identity.getPrincipal().getName())
                .chain(this::summary);
    }

    @PUT
    @Path("/{caseId}/scope")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Decide the case's scope",
            description =
                    "One of the program's scope classes (in or out of scope) and the affected and"
                        + " fixed versions, each checked against the program's supported versions.")
    @APIResponse(
            responseCode = "400",
            description = "Not a class of the program; the problem lists its classes",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<CaseSummary> scope(
            @PathParam("caseId") UUID caseId, @Valid @NotNull ScopeRequest request) {
        return scopes.decide(
                        caseId,
                        request.scopeClass(),
                        request.affectedVersions(),
                        request.fixedVersions(),
                        request.reason(),
                        identity.getPrincipal().getName())
                .chain(this::summary);
    }

    @GET
    @Path("/{caseId}/similar")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Likely duplicates: cases of the same program whose reports read alike, most"
                            + " similar first")
    public Uni<List<SimilarCaseView>> similar(@PathParam("caseId") UUID caseId) {
        return duplicates
                .suggestionsFor(caseId)
                .map(found -> found.stream().map(mapper::toView).toList());
    }

    @GET
    @Path("/{caseId}/reporters")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Everyone who reported the vulnerability: the case's reporter and its"
                            + " duplicates', for credit")
    public Uni<List<ReporterView>> reporters(@PathParam("caseId") UUID caseId) {
        return duplicates
                .reportersOf(caseId)
                .map(found -> found.stream().map(mapper::toReporterView).toList());
    }

    @GET
    @Path("/{caseId}/deadlines")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "The case's deadlines as the deadline scheduler watches them: pending, warned,"
                            + " breached or settled")
    public Uni<List<CaseDeadlineView>> deadlines(@PathParam("caseId") UUID caseId) {
        return service.deadlines(caseId).map(rows -> rows.stream().map(mapper::toView).toList());
    }

    @GET
    @Path("/{caseId}/audit/verification")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Check the case's hash-chained audit log",
            description =
                    "intact=false names the first line that " + "was changed, removed or inserted.")
    public Uni<AuditVerificationView> verifyAudit(@PathParam("caseId") UUID caseId) {
        return service.verifyAudit(caseId)
                .map(
                        result ->
                                new AuditVerificationView(
                                        result.intact(),
                                        result.lines(),
                                        result.intact() ? null : result.firstBrokenLine()));
    }

    @POST
    @Path("/{caseId}/expedite")
    @RolesAllowed({"coordinator", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Put the case on the policy's expedited track",
            description =
                    "For actively exploited or "
                            + "trivially exploitable vulnerabilities; the dates are recomputed.")
    public Uni<CaseSummary> expedite(
            @PathParam("caseId") UUID caseId, @Valid @NotNull ReasonRequest request) {
        return adjustments
                .expedite(caseId, request.reason(), identity.getPrincipal().getName())
                .chain(this::summary);
    }

    @POST
    @Path("/{caseId}/already-public")
    @RolesAllowed({"coordinator", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record that the issue was public when reported",
            description =
                    "Audited with its reason. Where the policy's expedited track names"
                            + " already-public, the case moves to it and the dates are recomputed.")
    public Uni<CaseSummary> alreadyPublic(
            @PathParam("caseId") UUID caseId, @Valid @NotNull ReasonRequest request) {
        return adjustments
                .markAlreadyPublic(caseId, request.reason(), identity.getPrincipal().getName())
                .chain(this::summary);
    }

    @PUT
    @Path("/{caseId}/fix-release")
    @RolesAllowed({"coordinator", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record when the fix was released, before publication",
            description =
                    "Audited; the deadlines anchored on the fix release get their due times."
                            + " Publishing the case records the release only when none was.")
    @APIResponse(
            responseCode = "400",
            description = "A release time in the future",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<CaseSummary> fixRelease(
            @PathParam("caseId") UUID caseId, @Valid @NotNull FixReleaseRequest request) {
        return adjustments
                .recordFixRelease(
                        caseId,
                        request.releasedAt(),
                        request.reason(),
                        identity.getPrincipal().getName())
                .chain(this::summary);
    }

    @PUT
    @Path("/{caseId}/track")
    @RolesAllowed({"coordinator", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Put the case on one of its policy's tracks",
            description =
                    "Tracks (public, private, urgent...) decide how the fix ships and whether it is"
                            + " kept under embargo; the deadlines follow the track. Audited with"
                            + " its reason; a null track takes the case off its track.")
    @APIResponse(
            responseCode = "400",
            description = "Not a track of the program; the problem lists its tracks",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<CaseSummary> track(
            @PathParam("caseId") UUID caseId, @Valid @NotNull TrackRequest request) {
        String track =
                request.track() == null || request.track().isBlank()
                        ? null
                        : request.track().strip();
        return adjustments
                .setTrack(caseId, track, request.reason(), identity.getPrincipal().getName())
                .chain(this::summary);
    }

    @POST
    @Path("/{caseId}/extensions")
    @RolesAllowed({"coordinator", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Extend a deadline",
            description =
                    "Recorded with its reason; the program's policy decides whether "
                            + "the reporter's agreement is required. A policy silent on extensions"
                            + " allows them.")
    @APIResponse(
            responseCode = "422",
            description = "The policy does not allow it",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<CaseSummary> extend(
            @PathParam("caseId") UUID caseId, @Valid @NotNull ExtensionRequest request) {
        Extension extension =
                new Extension(
                        Step.valueOf(request.step().toUpperCase(java.util.Locale.ROOT)),
                        PolicyDuration.parse(request.by()),
                        request.reason(),
                        request.reporterAgreed());
        return adjustments
                .extend(caseId, extension, identity.getPrincipal().getName())
                .chain(this::summary);
    }

    /**
     * A case as the queue shows it, with its open deadlines read after the change that led here.
     */
    private Uni<CaseSummary> summary(VulnerabilityCase vulnerabilityCase) {
        return summaries(List.of(vulnerabilityCase)).map(List::getFirst);
    }

    /** Cases as the queue shows them, each with its open deadlines and escalations. */
    private Uni<List<CaseSummary>> summaries(List<VulnerabilityCase> cases) {
        return service.openDeadlines(cases)
                .chain(
                        open ->
                                escalations
                                        .of(cases)
                                        .map(
                                                escalated ->
                                                        cases.stream()
                                                                .map(
                                                                        found ->
                                                                                mapper.toSummary(
                                                                                        found,
                                                                                        open
                                                                                                .getOrDefault(
                                                                                                        found.id,
                                                                                                        List
                                                                                                                .of()),
                                                                                        escalated
                                                                                                .getOrDefault(
                                                                                                        found.id,
                                                                                                        List
                                                                                                                .of())))
                                                                .toList()));
    }

    private static ProblemException unknownState(String field, String name) {
        return new ProblemException(
                new Problem(
                        "about:blank",
                        "Bad Request",
                        400,
                        "Unknown state '" + name + "'.",
                        List.of(
                                new Problem.FieldError(
                                        field,
                                        "one of "
                                                + java.util.Arrays.stream(CaseState.values())
                                                        .map(CaseState::wireName)
                                                        .toList()))));
    }
}
