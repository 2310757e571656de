package dev.embargo.triage.service;

import dev.embargo.contracts.report.CaseStatusUpdate;
import dev.embargo.contracts.report.DeadlineApproaching;
import dev.embargo.contracts.report.DeadlineBreached;
import dev.embargo.contracts.report.ReportStatus;
import dev.embargo.kit.outbox.Outbox;
import dev.embargo.kit.work.RepeatingPass;
import dev.embargo.kit.work.Transactions;
import dev.embargo.policy.deadline.BusinessCalendar;
import dev.embargo.policy.model.PolicyDuration;
import dev.embargo.triage.config.TriageConfig;
import dev.embargo.triage.domain.CaseDeadline;
import dev.embargo.triage.domain.VulnerabilityCase;
import dev.embargo.triage.repository.CaseDeadlineRepository;
import dev.embargo.triage.repository.CaseRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Makes the policy's deadlines keep themselves: on every pass it announces what fell due by
 * triage's clock — {@code deadline.approaching} before a step is due, {@code deadline.breached}
 * once it is late, and {@code case.status.update} when the reporter is owed an update.
 *
 * <p>Safe with several replicas: each pass claims due rows with {@code FOR UPDATE SKIP LOCKED} and
 * marks them in the same transaction as the outbox row of its event, so every warning, breach and
 * update is announced exactly once, whichever replica sees it first.
 */
@ApplicationScoped
public class DeadlineScheduler {

    private final CaseDeadlineRepository deadlines;
    private final CaseRepository cases;
    private final ProgramRegistry programs;
    private final CaseTimeline timeline;
    private final Outbox outbox;
    private final TriageClock clock;
    private final TriageConfig config;
    private final CaseMetrics metrics;
    private final RepeatingPass pass = new RepeatingPass("Deadline scan", this::announceDue);

    DeadlineScheduler(
            CaseDeadlineRepository deadlines,
            CaseRepository cases,
            ProgramRegistry programs,
            CaseTimeline timeline,
            Outbox outbox,
            TriageClock clock,
            TriageConfig config,
            CaseMetrics metrics) {
        this.deadlines = deadlines;
        this.cases = cases;
        this.programs = programs;
        this.timeline = timeline;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent startup, Vertx vertx) {
        pass.start(vertx, config.deadlines().scanInterval());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        pass.stop();
    }

    /**
     * One pass: announces every due warning, breach and status update, in one transaction per
     * batch.
     */
    public Uni<Integer> announceDue() {
        Instant now = clock.now();
        return Transactions.inTransaction(
                () ->
                        deadlines
                                .claimDue(
                                        now.atOffset(ZoneOffset.UTC),
                                        config.deadlines().batchSize())
                                .chain(
                                        due ->
                                                Multi.createFrom()
                                                        .iterable(due)
                                                        .onItem()
                                                        .transformToUniAndConcatenate(
                                                                row -> announce(row, now))
                                                        .collect()
                                                        .asList()
                                                        .map(List::size)));
    }

    private Uni<Void> announce(CaseDeadline row, Instant now) {
        return cases.findById(row.caseId)
                .chain(
                        vulnerabilityCase -> {
                            if (row.updateEvery != null) {
                                return statusUpdate(row, vulnerabilityCase, now);
                            }
                            String state = vulnerabilityCase.state.wireName();
                            // A target past its time is warned about, never breached.
                            if (row.firm && !row.dueAt.toInstant().isAfter(now)) {
                                row.breachedAt = now.atOffset(ZoneOffset.UTC);
                                if (row.warnedAt == null) {
                                    row.warnedAt = row.breachedAt;
                                }
                                metrics.deadlineAnnounced(
                                        vulnerabilityCase.programSlug, row.step, "breached");
                                return outbox.stage(
                                                new DeadlineBreached(
                                                        vulnerabilityCase.reportId.toString(),
                                                        row.caseId.toString(),
                                                        vulnerabilityCase.trackingId,
                                                        vulnerabilityCase.programSlug,
                                                        row.step,
                                                        row.dueAt.toInstant(),
                                                        state,
                                                        vulnerabilityCase.owner,
                                                        now))
                                        .replaceWithVoid();
                            }
                            row.warnedAt = now.atOffset(ZoneOffset.UTC);
                            metrics.deadlineAnnounced(
                                    vulnerabilityCase.programSlug, row.step, "approaching");
                            return outbox.stage(
                                            new DeadlineApproaching(
                                                    vulnerabilityCase.reportId.toString(),
                                                    row.caseId.toString(),
                                                    vulnerabilityCase.trackingId,
                                                    vulnerabilityCase.programSlug,
                                                    row.step,
                                                    row.dueAt.toInstant(),
                                                    state,
                                                    vulnerabilityCase.owner,
                                                    now))
                                    .replaceWithVoid();
                        });
    }

    /**
     * Announces the update that fell due and moves the row to the next one at the policy's cadence.
     * If the clock jumped past several, the reporter gets one update, not a burst.
     */
    private Uni<Void> statusUpdate(
            CaseDeadline row, VulnerabilityCase vulnerabilityCase, Instant now) {
        return programs.programAt(
                        vulnerabilityCase.programSlug,
                        vulnerabilityCase.programRevision == null
                                ? 1
                                : vulnerabilityCase.programRevision)
                .chain(
                        program -> {
                            if (program == null) {
                                // The revision the case was opened under is gone (it never is,
                                // revisions are kept): stop, rather than loop.
                                row.settledAt = now.atOffset(ZoneOffset.UTC);
                                return Uni.createFrom().voidItem();
                            }
                            Instant due = row.dueAt.toInstant();
                            row.updatesSent++;
                            BusinessCalendar calendar =
                                    BusinessCalendar.of(
                                            program.timeZone(), program.policy().calendar());
                            PolicyDuration every = PolicyDuration.parse(row.updateEvery);
                            Instant next = calendar.plus(due, every);
                            while (next != null && next.isAfter(due) && !next.isAfter(now)) {
                                next = calendar.plus(next, every);
                            }
                            if (next == null || !next.isAfter(due)) {
                                // A cadence that does not move time on (the schema forbids it) must
                                // not loop: one update, then none.
                                row.settledAt = now.atOffset(ZoneOffset.UTC);
                                next = due;
                            }
                            row.dueAt = next.atOffset(ZoneOffset.UTC);
                            row.warnAt = row.dueAt;
                            metrics.deadlineAnnounced(
                                    vulnerabilityCase.programSlug, row.step, "sent");
                            return outbox.stage(
                                            new CaseStatusUpdate(
                                                    vulnerabilityCase.reportId.toString(),
                                                    row.caseId.toString(),
                                                    vulnerabilityCase.trackingId,
                                                    vulnerabilityCase.programSlug,
                                                    row.updatesSent,
                                                    ReportStatus.forCaseState(
                                                                    vulnerabilityCase.state
                                                                            .wireName())
                                                            .wireName(),
                                                    timeline.of(vulnerabilityCase),
                                                    due))
                                    .replaceWithVoid();
                        });
    }
}
