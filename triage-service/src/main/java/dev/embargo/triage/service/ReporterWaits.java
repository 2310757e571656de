package dev.embargo.triage.service;

import dev.embargo.contracts.report.CaseDeadlinesChanged;
import dev.embargo.kit.outbox.Outbox;
import dev.embargo.policy.deadline.Step;
import dev.embargo.policy.model.Program;
import dev.embargo.triage.config.TriageConfig;
import dev.embargo.triage.domain.CaseState;
import dev.embargo.triage.domain.CaseWait;
import dev.embargo.triage.domain.PolicyDeadline;
import dev.embargo.triage.domain.VulnerabilityCase;
import dev.embargo.triage.repository.CaseWaitRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The team's clock while a case waits for its reporter's answer (needs_info): the move there pauses
 * the team's triage and fix and starts the silence; the answer (or staff taking the case back)
 * resumes them, their due times moved by exactly the time paused. Each pause and resume is audited
 * and announced as {@code case.deadlines.changed} (cause {@code paused}, {@code resumed}). Callers
 * hold the case locked, in their transaction.
 */
@ApplicationScoped
public class ReporterWaits {

    private static final Set<Step> PAUSED_STEPS = pausedSteps();

    private final CaseWaitRepository waits;
    private final CaseDeadlines deadlines;
    private final CaseTimeline timeline;
    private final CaseAudit audit;
    private final Outbox outbox;
    private final TriageConfig config;

    ReporterWaits(
            CaseWaitRepository waits,
            CaseDeadlines deadlines,
            CaseTimeline timeline,
            CaseAudit audit,
            Outbox outbox,
            TriageConfig config) {
        this.waits = waits;
        this.deadlines = deadlines;
        this.timeline = timeline;
        this.audit = audit;
        this.outbox = outbox;
        this.config = config;
    }

    private static Set<Step> pausedSteps() {
        Set<Step> steps = EnumSet.noneOf(Step.class);
        EnumSet.allOf(Step.class).stream()
                .filter(CaseTimeline::pausedWithTheTeam)
                .forEach(steps::add);
        return steps;
    }

    /** The case moved to needs_info: the team's clock stops and the silence starts. */
    public Uni<Void> pause(VulnerabilityCase vulnerabilityCase, Instant now, String actor) {
        vulnerabilityCase.pausedAt = now.atOffset(ZoneOffset.UTC);
        Duration silence = config.needsInfo().silence();
        OffsetDateTime closeAt = vulnerabilityCase.pausedAt.plus(silence);
        return waits.findById(vulnerabilityCase.id)
                .chain(
                        existing -> {
                            CaseWait wait = existing == null ? new CaseWait() : existing;
                            wait.caseId = vulnerabilityCase.id;
                            wait.askedAt = vulnerabilityCase.pausedAt;
                            wait.remindAt = vulnerabilityCase.pausedAt.plus(silence.dividedBy(2));
                            wait.remindedAt = null;
                            wait.closeAt = closeAt;
                            wait.closedAt = null;
                            wait.reopenUntil = null;
                            return existing == null
                                    ? waits.persist(wait).replaceWithVoid()
                                    : Uni.createFrom().voidItem();
                        })
                .chain(() -> deadlines.pause(vulnerabilityCase.id, PAUSED_STEPS))
                .chain(
                        () ->
                                audit.record(
                                        vulnerabilityCase.id,
                                        actor,
                                        "clock paused: waiting for the reporter's answer, closes"
                                                + " as no response at "
                                                + closeAt,
                                        null))
                .chain(() -> announce(vulnerabilityCase, "paused", actor, now));
    }

    /**
     * The case left needs_info for {@code to}. Back to triage the clock resumes; closed by staff,
     * the wait ends; closed by the silence, the clock stays paused for the reporter's reopening.
     */
    public Uni<Void> left(
            VulnerabilityCase vulnerabilityCase,
            Program program,
            CaseState to,
            Instant now,
            String actor) {
        if (to != CaseState.CLOSED) {
            return resume(vulnerabilityCase, program, now, actor);
        }
        return waits.findById(vulnerabilityCase.id)
                .chain(
                        wait -> {
                            if (wait != null && wait.closedAt != null) {
                                return Uni.createFrom().voidItem();
                            }
                            vulnerabilityCase.pausedAt = null;
                            return wait == null ? Uni.createFrom().voidItem() : waits.delete(wait);
                        });
    }

    /** Whether the reporter's answer at {@code now} reopens the case the silence closed. */
    public Uni<Boolean> reopensAt(VulnerabilityCase vulnerabilityCase, Instant now) {
        return waits.findById(vulnerabilityCase.id)
                .map(wait -> wait != null && wait.reopensAt(now.atOffset(ZoneOffset.UTC)));
    }

    /**
     * Ends the pause: the time paused is added to the case's, the team's triage and fix move by it,
     * and the steps the silence's close settled are owed again.
     */
    public Uni<Void> resume(
            VulnerabilityCase vulnerabilityCase, Program program, Instant now, String actor) {
        if (vulnerabilityCase.pausedAt == null) {
            return Uni.createFrom().voidItem();
        }
        Duration paused =
                Duration.between(vulnerabilityCase.pausedAt.toInstant(), now)
                        .truncatedTo(ChronoUnit.MICROS);
        vulnerabilityCase.pausedMicros += paused.toNanos() / 1_000;
        vulnerabilityCase.pausedAt = null;
        return waits.findById(vulnerabilityCase.id)
                .chain(
                        wait ->
                                wait == null
                                        ? deadlines.resume(vulnerabilityCase.id, null)
                                        : waits.delete(wait)
                                                .chain(
                                                        () ->
                                                                deadlines.resume(
                                                                        vulnerabilityCase.id,
                                                                        wait.closedAt)))
                .chain(
                        () -> {
                            List<PolicyDeadline> moved =
                                    program == null
                                            ? timeline.deadlinesOf(vulnerabilityCase)
                                            : timeline.compute(program, vulnerabilityCase);
                            return timeline.keep(vulnerabilityCase, moved);
                        })
                .chain(
                        () ->
                                audit.record(
                                        vulnerabilityCase.id,
                                        actor,
                                        "clock resumed after "
                                                + paused
                                                + ": triage and fix moved by it",
                                        null))
                .chain(() -> announce(vulnerabilityCase, "resumed", actor, now));
    }

    private Uni<Void> announce(
            VulnerabilityCase vulnerabilityCase, String cause, String actor, Instant now) {
        return outbox.stage(
                        new CaseDeadlinesChanged(
                                vulnerabilityCase.reportId.toString(),
                                vulnerabilityCase.id.toString(),
                                vulnerabilityCase.trackingId,
                                vulnerabilityCase.programSlug,
                                cause,
                                actor,
                                timeline.of(vulnerabilityCase),
                                now))
                .replaceWithVoid();
    }
}
