package dev.embargo.triage.service;

import dev.embargo.contracts.report.CaseStateChanged;
import dev.embargo.contracts.report.ReportMessagePosted;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.outbox.Outbox;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.kit.security.StaffScope;
import dev.embargo.kit.work.Transactions;
import dev.embargo.policy.model.DisclosurePolicy;
import dev.embargo.policy.model.Program;
import dev.embargo.triage.domain.AuditChain;
import dev.embargo.triage.domain.CaseAuditEntry;
import dev.embargo.triage.domain.CaseDeadline;
import dev.embargo.triage.domain.CaseLifecycle;
import dev.embargo.triage.domain.CaseState;
import dev.embargo.triage.domain.DeadlineTracking;
import dev.embargo.triage.domain.PolicyDeadline;
import dev.embargo.triage.domain.VulnerabilityCase;
import dev.embargo.triage.repository.CaseRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Moves cases through their lifecycle and answers staff questions about them. */
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
    private final CaseConversation conversation;
    private final ReporterWaits waits;

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
            Duplicates duplicates,
            CaseConversation conversation,
            ReporterWaits waits) {
        this.conversation = conversation;
        this.waits = waits;
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

    /** The case's deadlines, as stored with it. */
    public List<PolicyDeadline> deadlinesOf(VulnerabilityCase vulnerabilityCase) {
        return timeline.deadlinesOf(vulnerabilityCase);
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
     * case.duplicate.marked}; a move to needs_info may carry the {@code question} to the reporter,
     * sent as a message, and pauses the team's clock until the answer.
     */
    public Uni<VulnerabilityCase> transition(
            UUID caseId,
            CaseState to,
            String reason,
            String actor,
            String duplicateOf,
            String question) {
        boolean asks = question != null && !question.isBlank();
        if (asks && to != CaseState.NEEDS_INFO) {
            throw new ProblemException(
                    new Problem(
                            "about:blank",
                            "Bad Request",
                            400,
                            "Only a move to needs_info asks the reporter a question.",
                            List.of(new Problem.FieldError("question", "only with needs_info"))));
        }
        return lockedCases.changeUnderPolicy(
                caseId,
                (vulnerabilityCase, program) ->
                        move(
                                        vulnerabilityCase,
                                        program,
                                        to,
                                        reason,
                                        actor,
                                        duplicateOf,
                                        clock.now())
                                .call(
                                        moved ->
                                                asks
                                                        ? conversation.send(
                                                                moved, question.strip(), actor)
                                                        : Uni.createFrom().voidItem()));
    }

    public Uni<VulnerabilityCase> transition(
            UUID caseId, CaseState to, String reason, String actor, String duplicateOf) {
        return transition(caseId, to, reason, actor, duplicateOf, null);
    }

    /**
     * The reporter answered (called in the consumer's transaction, after the message is added): a
     * case waiting for them goes back to triage, its clock resumed; one the silence closed reopens
     * while the reporter may still reopen it.
     */
    public Uni<Void> answeredByReporter(ReportMessagePosted posted) {
        Instant now = clock.now();
        return lockedCases
                .lockOfReport(UUID.fromString(posted.reportId()))
                .chain(
                        vulnerabilityCase -> {
                            if (vulnerabilityCase == null) {
                                return Uni.createFrom().voidItem();
                            }
                            if (vulnerabilityCase.state == CaseState.NEEDS_INFO) {
                                return programOf(vulnerabilityCase)
                                        .chain(
                                                program ->
                                                        move(
                                                                vulnerabilityCase,
                                                                program,
                                                                CaseState.TRIAGING,
                                                                "the reporter answered",
                                                                CaseConversation.REPORTER,
                                                                null,
                                                                now))
                                        .replaceWithVoid();
                            }
                            if (vulnerabilityCase.state != CaseState.CLOSED) {
                                return Uni.createFrom().voidItem();
                            }
                            return waits.reopensAt(vulnerabilityCase, now)
                                    .chain(
                                            reopens ->
                                                    reopens
                                                            ? reopen(vulnerabilityCase, now)
                                                            : Uni.createFrom().voidItem());
                        });
    }

    /**
     * Closes a case the reporter left unanswered through the silence; the caller holds it locked
     * and has recorded the close on its wait, so the clock stays paused for a reopening.
     */
    public Uni<VulnerabilityCase> closeForNoResponse(
            VulnerabilityCase vulnerabilityCase, Instant now) {
        return programOf(vulnerabilityCase)
                .chain(
                        program ->
                                move(
                                        vulnerabilityCase,
                                        program,
                                        CaseState.CLOSED,
                                        "no response from the reporter",
                                        CaseAudit.SYSTEM,
                                        null,
                                        now));
    }

    /**
     * The reporter answered a case the silence closed, in time: it is triaged again, outside the
     * lifecycle's moves (a closed case moves nowhere else), audited and announced.
     */
    private Uni<Void> reopen(VulnerabilityCase vulnerabilityCase, Instant now) {
        vulnerabilityCase.state = CaseState.TRIAGING;
        return programOf(vulnerabilityCase)
                .chain(
                        program ->
                                audit.record(
                                                vulnerabilityCase.id,
                                                CaseConversation.REPORTER,
                                                "state closed -> triaging (reopened: the reporter"
                                                        + " answered)",
                                                null)
                                        .chain(
                                                () ->
                                                        waits.resume(
                                                                vulnerabilityCase,
                                                                program,
                                                                now,
                                                                CaseConversation.REPORTER)))
                .chain(
                        () ->
                                outbox.stage(
                                        new CaseStateChanged(
                                                vulnerabilityCase.reportId.toString(),
                                                vulnerabilityCase.id.toString(),
                                                vulnerabilityCase.trackingId,
                                                vulnerabilityCase.programSlug,
                                                CaseState.CLOSED.wireName(),
                                                CaseState.TRIAGING.wireName(),
                                                CaseConversation.REPORTER,
                                                null,
                                                now)))
                .replaceWithVoid();
    }

    /** Moving to needs_info pauses the team's clock; leaving it resumes or ends the wait. */
    private Uni<Void> clockOnMove(
            VulnerabilityCase vulnerabilityCase,
            Program program,
            CaseState from,
            CaseState to,
            Instant now,
            String actor) {
        if (to == CaseState.NEEDS_INFO) {
            return waits.pause(vulnerabilityCase, now, actor);
        }
        if (from == CaseState.NEEDS_INFO) {
            return waits.left(vulnerabilityCase, program, to, now, actor);
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Program> programOf(VulnerabilityCase vulnerabilityCase) {
        return programs.programAt(
                vulnerabilityCase.programSlug,
                vulnerabilityCase.programRevision == null ? 1 : vulnerabilityCase.programRevision);
    }

    /**
     * Moves the locked case if its lifecycle allows it: the new state, its audit line and {@code
     * case.state.changed} in the caller's transaction; an illegal move is a 409 problem.
     */
    private Uni<VulnerabilityCase> move(
            VulnerabilityCase vulnerabilityCase,
            Program program,
            CaseState to,
            String reason,
            String actor,
            String duplicateOf,
            Instant now) {
        UUID caseId = vulnerabilityCase.id;
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
        if (to == CaseState.ACCEPTED && Boolean.FALSE.equals(vulnerabilityCase.inScope)) {
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
        Uni<VulnerabilityCase> original =
                to == CaseState.DUPLICATE
                        ? duplicates.originalFor(vulnerabilityCase, duplicateOf)
                        : Uni.createFrom().nullItem();
        boolean anchorsMoved = recordEvents(vulnerabilityCase, from, to, now);
        return original.chain(
                        duplicated -> {
                            vulnerabilityCase.state = to;
                            String action = "state " + from.wireName() + " -> " + to.wireName();
                            if (duplicated == null) {
                                return audit.record(caseId, actor, action, reason);
                            }
                            vulnerabilityCase.duplicateOf = duplicated.id;
                            return audit.record(
                                            caseId,
                                            actor,
                                            action + " (of " + duplicated.trackingId + ")",
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
                .chain(() -> clockOnMove(vulnerabilityCase, program, from, to, now, actor))
                .chain(
                        () ->
                                anchorsMoved && program != null && !DeadlineTracking.ends(to)
                                        ? timeline.keep(
                                                vulnerabilityCase,
                                                timeline.compute(program, vulnerabilityCase))
                                        : Uni.createFrom().voidItem())
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
                                        vulnerabilityCase, deadlinesOf(vulnerabilityCase), now);
                            }
                        })
                .replaceWith(vulnerabilityCase);
    }

    /**
     * Notes the events of the move that promises may be anchored on: the end of triage, and
     * publication, which in a case's lifecycle releases the fix (unless recorded earlier) and
     * discloses the vulnerability. Returns whether any was noted, so the deadlines that run from
     * them get their due times.
     */
    private static boolean recordEvents(
            VulnerabilityCase vulnerabilityCase, CaseState from, CaseState to, Instant now) {
        boolean noted = false;
        if (CaseLifecycle.endsTriage(from, to) && vulnerabilityCase.triagedAt == null) {
            vulnerabilityCase.triagedAt = now.atOffset(ZoneOffset.UTC);
            noted = true;
        }
        if (to == CaseState.PUBLISHED && vulnerabilityCase.publiclyDisclosedAt == null) {
            if (vulnerabilityCase.fixReleasedAt == null) {
                vulnerabilityCase.fixReleasedAt = now.atOffset(ZoneOffset.UTC);
            }
            vulnerabilityCase.publiclyDisclosedAt = now.atOffset(ZoneOffset.UTC);
            noted = true;
        }
        return noted;
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
}
