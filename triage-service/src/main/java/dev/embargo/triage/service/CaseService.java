package dev.embargo.triage.service;

import dev.embargo.contracts.report.CaseStateChanged;
import dev.embargo.contracts.report.Deadline;
import dev.embargo.contracts.report.ReportAcknowledged;
import dev.embargo.contracts.report.ReportSubmitted;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.id.TimeOrderedIds;
import dev.embargo.kit.outbox.Outbox;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.kit.security.StaffScope;
import dev.embargo.kit.work.Transactions;
import dev.embargo.policy.model.DisclosurePolicy;
import dev.embargo.policy.model.Program;
import dev.embargo.policy.model.VersionSupport;
import dev.embargo.triage.domain.AuditChain;
import dev.embargo.triage.domain.CaseAuditEntry;
import dev.embargo.triage.domain.CaseDeadline;
import dev.embargo.triage.domain.CaseLifecycle;
import dev.embargo.triage.domain.CaseState;
import dev.embargo.triage.domain.SpamSignals;
import dev.embargo.triage.domain.VulnerabilityCase;
import dev.embargo.triage.repository.CaseRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Opens cases from reports and answers staff questions about them. */
@ApplicationScoped
public class CaseService {

    private final CaseRepository cases;
    private final Outbox outbox;
    private final FieldCipher cipher;
    private final ProgramRegistry programs;
    private final CaseTimeline timeline;
    private final CaseAudit audit;
    private final CaseMetrics metrics;
    private final LockedCases lockedCases;
    private final CaseDeadlines deadlines;
    private final TriageClock clock;
    private final StaffScope scope;
    private final Duplicates duplicates;

    CaseService(
            CaseRepository cases,
            Outbox outbox,
            FieldCipher cipher,
            ProgramRegistry programs,
            CaseTimeline timeline,
            CaseAudit audit,
            CaseMetrics metrics,
            LockedCases lockedCases,
            CaseDeadlines deadlines,
            TriageClock clock,
            StaffScope scope,
            Duplicates duplicates) {
        this.duplicates = duplicates;
        this.scope = scope;
        this.deadlines = deadlines;
        this.clock = clock;
        this.cases = cases;
        this.lockedCases = lockedCases;
        this.timeline = timeline;
        this.audit = audit;
        this.metrics = metrics;
        this.outbox = outbox;
        this.cipher = cipher;
        this.programs = programs;
    }

    /**
     * Opens the report's case under the policy revision in force when the report arrived, and
     * acknowledges it with the deadlines that policy sets, staging {@code report.acknowledged} in
     * the caller's transaction. A report that already has a case (the same report announced twice)
     * changes nothing and is not acknowledged again.
     */
    public Uni<Void> openAndAcknowledge(ReportSubmitted report) {
        UUID reportId = UUID.fromString(report.reportId());
        return cases.findByReportId(reportId)
                .chain(
                        existing -> {
                            if (existing != null) {
                                return Uni.createFrom().voidItem();
                            }
                            return programs.programAt(
                                            report.programSlug(), report.programRevision())
                                    .chain(
                                            program -> {
                                                VulnerabilityCase opened =
                                                        open(report, reportId, clock.now());
                                                opened.programRevision = report.programRevision();
                                                opened.versionSupport =
                                                        program == null
                                                                ? VersionSupport.UNKNOWN
                                                                : VersionSupport.of(
                                                                        program.policy()
                                                                                .supportedVersions(),
                                                                        cipher.open(
                                                                                opened.sealedAffectedVersion));
                                                List<Deadline> policyDeadlines =
                                                        program == null
                                                                ? List.of()
                                                                : timeline.compute(program, opened);
                                                return cases.persist(opened)
                                                        .chain(
                                                                () ->
                                                                        timeline.keep(
                                                                                opened,
                                                                                policyDeadlines))
                                                        .chain(cases::flush)
                                                        .chain(() -> duplicates.fingerprint(opened))
                                                        .chain(
                                                                () ->
                                                                        audit.record(
                                                                                opened.id,
                                                                                CaseAudit.SYSTEM,
                                                                                "opened under"
                                                                                    + " program "
                                                                                        + opened.programSlug
                                                                                        + " revision"
                                                                                        + " "
                                                                                        + opened.programRevision
                                                                                        + ", acknowledged",
                                                                                null))
                                                        .chain(
                                                                () ->
                                                                        outbox.stage(
                                                                                new ReportAcknowledged(
                                                                                        report
                                                                                                .reportId(),
                                                                                        opened.trackingId,
                                                                                        opened.programSlug,
                                                                                        opened.id
                                                                                                .toString(),
                                                                                        opened
                                                                                                .acknowledgedAt
                                                                                                .toInstant(),
                                                                                        policyDeadlines)))
                                                        .invoke(
                                                                () ->
                                                                        metrics.acknowledged(
                                                                                opened,
                                                                                policyDeadlines))
                                                        .replaceWithVoid();
                                            });
                        });
    }

    /** The case's deadlines, as stored with it. */
    public List<Deadline> deadlinesOf(VulnerabilityCase vulnerabilityCase) {
        return timeline.of(vulnerabilityCase);
    }

    /**
     * Moves a case to {@code to} if its lifecycle allows it: the new state, its audit line and
     * {@code case.state.changed} are written in one transaction. An illegal move answers 409 with
     * the moves that are allowed.
     */
    public Uni<VulnerabilityCase> transition(
            UUID caseId, CaseState to, String reason, String actor) {
        return transition(caseId, to, reason, actor, null);
    }

    /**
     * As {@link #transition(UUID, CaseState, String, String)}; a move to duplicate names the case
     * it duplicates ({@code duplicateOf}: case id or tracking id), announced as {@code
     * case.duplicate.marked}.
     */
    public Uni<VulnerabilityCase> transition(
            UUID caseId, CaseState to, String reason, String actor, String duplicateOf) {
        return lockedCases.changeUnderPolicy(
                caseId,
                (vulnerabilityCase, program) -> {
                    CaseState from = vulnerabilityCase.state;
                    if (!CaseLifecycle.allows(from, to)) {
                        String allowed =
                                CaseLifecycle.allowedFrom(from).stream()
                                        .map(CaseState::wireName)
                                        .collect(java.util.stream.Collectors.joining(", "));
                        throw illegalTransition(
                                "A case in state "
                                        + from.wireName()
                                        + " cannot move to "
                                        + to.wireName()
                                        + "; it may move to: "
                                        + (allowed.isEmpty() ? "nothing (closed)" : allowed)
                                        + ".",
                                allowed);
                    }
                    if (to == CaseState.ACCEPTED
                            && Boolean.FALSE.equals(vulnerabilityCase.inScope)) {
                        throw illegalTransition(
                                "The case was decided out of scope ("
                                        + vulnerabilityCase.scopeClass
                                        + "); decide "
                                        + "its scope again or move it to out_of_scope.",
                                CaseState.OUT_OF_SCOPE.wireName());
                    }
                    if (from == CaseState.PUBLISHED
                            && to == CaseState.CLOSED
                            && owesPostMortem(program, vulnerabilityCase)) {
                        throw illegalTransition(
                                "The "
                                        + vulnerabilityCase.programSlug
                                        + " policy requires a post-mortem for this "
                                        + "case before it closes; move it to post_mortem first.",
                                CaseState.POST_MORTEM.wireName());
                    }
                    Instant now = clock.now();
                    Uni<VulnerabilityCase> original =
                            to == CaseState.DUPLICATE
                                    ? duplicates.originalFor(vulnerabilityCase, duplicateOf)
                                    : Uni.createFrom().nullItem();
                    return original.chain(
                                    duplicated -> {
                                        vulnerabilityCase.state = to;
                                        String action =
                                                "state " + from.wireName() + " -> " + to.wireName();
                                        if (duplicated == null) {
                                            return audit.record(caseId, actor, action, reason);
                                        }
                                        vulnerabilityCase.duplicateOf = duplicated.id;
                                        return audit.record(
                                                        caseId,
                                                        actor,
                                                        action
                                                                + " (of "
                                                                + duplicated.trackingId
                                                                + ")",
                                                        reason)
                                                .chain(
                                                        () ->
                                                                duplicates.announce(
                                                                        vulnerabilityCase,
                                                                        duplicated,
                                                                        actor,
                                                                        now));
                                    })
                            .chain(() -> deadlines.settle(vulnerabilityCase, from, to, now))
                            .chain(() -> disclosed(vulnerabilityCase, to, now))
                            .chain(
                                    () ->
                                            outbox.stage(
                                                    new CaseStateChanged(
                                                            vulnerabilityCase.reportId.toString(),
                                                            caseId.toString(),
                                                            vulnerabilityCase.trackingId,
                                                            vulnerabilityCase.programSlug,
                                                            from.wireName(),
                                                            to.wireName(),
                                                            actor,
                                                            reason == null || reason.isBlank()
                                                                    ? null
                                                                    : cipher.seal(reason),
                                                            now)))
                            .invoke(
                                    () -> {
                                        if (CaseLifecycle.endsTriage(from, to)) {
                                            metrics.triaged(
                                                    vulnerabilityCase,
                                                    deadlinesOf(vulnerabilityCase),
                                                    now);
                                        }
                                    })
                            .replaceWith(vulnerabilityCase);
                });
    }

    /**
     * The first move to published is the case's public disclosure: the CNA clock for its CVE record
     * starts.
     */
    private Uni<Void> disclosed(VulnerabilityCase vulnerabilityCase, CaseState to, Instant now) {
        if (to != CaseState.PUBLISHED || vulnerabilityCase.publiclyDisclosedAt != null) {
            return Uni.createFrom().voidItem();
        }
        vulnerabilityCase.publiclyDisclosedAt = now.atOffset(java.time.ZoneOffset.UTC);
        return timeline.replan(vulnerabilityCase);
    }

    /**
     * Seed 004 always, seed 005 from high severity: the policy's post-mortem is a step of its own,
     * not skipped.
     */
    private static boolean owesPostMortem(Program program, VulnerabilityCase vulnerabilityCase) {
        DisclosurePolicy.PostMortem postMortem =
                program == null ? null : program.policy().deadlines().postMortem();
        return postMortem != null
                && postMortem.requiredFor(vulnerabilityCase.severity, program.policy().severity());
    }

    private static ProblemException illegalTransition(String detail, String allowed) {
        return new ProblemException(
                new Problem(
                        "https://embargo.dev/problems/illegal-transition",
                        "Illegal transition",
                        409,
                        detail,
                        List.of(new Problem.FieldError("to", "allowed: [" + allowed + "]"))));
    }

    public Uni<VulnerabilityCase> findCase(UUID caseId) {
        return Transactions.inSession(() -> cases.findById(caseId))
                .map(found -> lockedCases.visible(found, caseId));
    }

    public Uni<List<CaseAuditEntry>> auditTrail(UUID caseId) {
        return Transactions.inSession(
                () ->
                        cases.findById(caseId)
                                .chain(
                                        found ->
                                                audit.forCase(
                                                        lockedCases.visible(found, caseId).id)));
    }

    /**
     * The case's deadlines as the scheduler watches them; a 404 problem when there is no such case.
     */
    public Uni<List<CaseDeadline>> deadlines(UUID caseId) {
        return Transactions.inSession(
                () ->
                        cases.findById(caseId)
                                .chain(
                                        found ->
                                                deadlines.of(
                                                        lockedCases.visible(found, caseId).id)));
    }

    /**
     * The deadlines not yet met of cases the caller has already been allowed to see, by case id,
     * earliest due first: what the queue shows as next deadline and overdue.
     */
    public Uni<java.util.Map<UUID, List<CaseDeadline>>> openDeadlines(
            List<VulnerabilityCase> visible) {
        return Transactions.inSession(
                () -> deadlines.openOf(visible.stream().map(found -> found.id).toList()));
    }

    /** Whether the case's audit log verifies: the position of the first broken line, or -1. */
    public Uni<AuditVerification> verifyAudit(UUID caseId) {
        return auditTrail(caseId)
                .map(log -> new AuditVerification(log.size(), AuditChain.firstBrokenLine(log)));
    }

    /** The outcome of checking a case's audit chain. */
    public record AuditVerification(int lines, int firstBrokenLine) {
        public boolean intact() {
            return firstBrokenLine < 0;
        }
    }

    /** An audit line's detail, opened for staff. */
    public String auditDetail(CaseAuditEntry entry) {
        return audit.detailOf(entry);
    }

    /** One page of the queue, only ever of the programs the caller may see. */
    public Uni<List<VulnerabilityCase>> listCases(
            CaseRepository.CaseFilter filter, int page, int size) {
        return Transactions.inSession(() -> cases.search(filter, scope.programs(), page, size));
    }

    /** Gives the case an owner (or none), with an audit line. */
    public Uni<VulnerabilityCase> assignOwner(UUID caseId, String owner, String actor) {
        String newOwner = owner == null || owner.isBlank() ? null : owner.strip();
        return Transactions.inTransaction(
                () ->
                        lockedCases
                                .lock(caseId)
                                .chain(
                                        vulnerabilityCase -> {
                                            String before = vulnerabilityCase.owner;
                                            vulnerabilityCase.owner = newOwner;
                                            return audit.record(
                                                            caseId,
                                                            actor,
                                                            "owner "
                                                                    + (before == null
                                                                            ? "none"
                                                                            : before)
                                                                    + " -> "
                                                                    + (newOwner == null
                                                                            ? "none"
                                                                            : newOwner),
                                                            null)
                                                    .replaceWith(vulnerabilityCase);
                                        }));
    }

    /** Opens a sealed field for staff. */
    public String open(String sealed) {
        return sealed == null ? null : cipher.open(sealed);
    }

    /**
     * Opens the reporter's credit name or affected version for staff: cases opened before they were
     * sealed keep them plain.
     */
    public String openClaim(String value) {
        return cipher.openIfSealed(value);
    }

    private VulnerabilityCase open(ReportSubmitted report, UUID reportId, Instant now) {
        VulnerabilityCase opened = new VulnerabilityCase();
        opened.id = TimeOrderedIds.next();
        opened.reportId = reportId;
        opened.trackingId = report.trackingId();
        opened.programSlug = report.programSlug();
        opened.sealedTitle = report.sealedTitle();
        opened.sealedDescription = report.sealedDescription();
        // A v2 report (older intake) brings them plain: sealed here, as every other case's.
        opened.sealedCreditName = cipher.sealIfPlain(report.sealedCreditName());
        opened.sealedAffectedVersion = cipher.sealIfPlain(report.sealedAffectedVersion());
        opened.reportedScopeClass = report.reportedScopeClass();
        List<String> signals =
                SpamSignals.of(
                        cipher.open(report.sealedTitle()), cipher.open(report.sealedDescription()));
        opened.spamSignals = signals.isEmpty() ? null : String.join(",", signals);
        opened.reportedCvssVector = report.reportedCvssVector();
        opened.creditPreference = report.creditPreference();
        opened.submittedAt = report.submittedAt().atOffset(ZoneOffset.UTC);
        opened.openedAt = now.atOffset(ZoneOffset.UTC);
        // Triage acknowledges on arrival; the policy's acknowledgement deadline is always met.
        opened.state = CaseState.ACKNOWLEDGED;
        opened.acknowledgedAt = opened.openedAt;
        return opened;
    }
}
