package dev.embargo.triage.service;

import dev.embargo.kit.id.TimeOrderedIds;
import dev.embargo.policy.deadline.RegulatoryDeadline;
import dev.embargo.policy.deadline.Step;
import dev.embargo.triage.config.TriageConfig;
import dev.embargo.triage.domain.CaseDeadline;
import dev.embargo.triage.domain.CaseState;
import dev.embargo.triage.domain.DeadlineTracking;
import dev.embargo.triage.domain.PolicyDeadline;
import dev.embargo.triage.domain.VulnerabilityCase;
import dev.embargo.triage.repository.CaseDeadlineRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the scheduler's rows in step with a case: planned from its deadlines whenever they change,
 * settled as the case's moves meet the deadlines. Callers hold the case locked, in their
 * transaction, so the rows change with the case or not at all.
 */
@ApplicationScoped
public class CaseDeadlines {

    private final CaseDeadlineRepository deadlines;
    private final TriageConfig config;
    private final CaseMetrics metrics;

    CaseDeadlines(CaseDeadlineRepository deadlines, TriageConfig config, CaseMetrics metrics) {
        this.metrics = metrics;
        this.deadlines = deadlines;
        this.config = config;
    }

    /**
     * Watches every deadline with a due time, the policy's and the regulatory clocks'. A deadline
     * whose due time moved, or that became firm or a target, is warned about and breached afresh;
     * one that no longer has a due time is dropped; settled deadlines and the cadence of status
     * updates already running are left as they are.
     */
    public Uni<Void> plan(
            VulnerabilityCase vulnerabilityCase,
            List<PolicyDeadline> timeline,
            List<RegulatoryDeadline> regulatory) {
        Map<String, Planned> wanted = wanted(timeline, regulatory);
        return deadlines
                .lockForCase(vulnerabilityCase.id)
                .chain(
                        existing -> {
                            Uni<Void> changes = Uni.createFrom().voidItem();
                            for (CaseDeadline row : existing) {
                                Planned date = wanted.remove(row.step);
                                if (row.settledAt != null || row.updateEvery != null) {
                                    continue;
                                }
                                if (date == null) {
                                    changes = changes.chain(() -> deadlines.delete(row));
                                } else if (!row.dueAt.toInstant().equals(date.dueAt())
                                        || row.firm != date.firm()) {
                                    row.dueAt = date.dueAt().atOffset(ZoneOffset.UTC);
                                    row.firm = date.firm();
                                    row.clockFrom = utc(date.from());
                                    row.warnAt = warnAt(vulnerabilityCase, date);
                                    row.warnedAt = null;
                                    row.breachedAt = null;
                                }
                            }
                            for (Planned date : wanted.values()) {
                                changes =
                                        changes.chain(
                                                        () ->
                                                                deadlines.persist(
                                                                        newRow(
                                                                                vulnerabilityCase,
                                                                                date)))
                                                .replaceWithVoid();
                            }
                            return changes;
                        });
    }

    /**
     * The rows that watch a case being opened, which has none yet, for its opener to store with the
     * case.
     */
    public List<CaseDeadline> rowsOfOpened(
            VulnerabilityCase opened,
            List<PolicyDeadline> timeline,
            List<RegulatoryDeadline> regulatory) {
        return wanted(timeline, regulatory).values().stream()
                .map(date -> newRow(opened, date))
                .toList();
    }

    /** The watched deadlines by step: the policy's with a due time, then the regulatory clocks. */
    private static Map<String, Planned> wanted(
            List<PolicyDeadline> timeline, List<RegulatoryDeadline> regulatory) {
        Map<String, Planned> wanted = new LinkedHashMap<>();
        for (PolicyDeadline date : timeline) {
            if (date.dueAt() != null && DeadlineTracking.watched(step(date.step()))) {
                wanted.put(
                        date.step(),
                        new Planned(date.step(), date.dueAt(), date.promised(), null, date.firm()));
            }
        }
        for (RegulatoryDeadline date : regulatory) {
            if (date.due() != null) {
                String step = date.step().name().toLowerCase(Locale.ROOT);
                wanted.put(step, new Planned(step, date.due(), null, date.from(), date.firm()));
            }
        }
        return wanted;
    }

    private CaseDeadline newRow(VulnerabilityCase vulnerabilityCase, Planned date) {
        CaseDeadline row = new CaseDeadline();
        row.id = TimeOrderedIds.next();
        row.caseId = vulnerabilityCase.id;
        row.step = date.step();
        row.dueAt = date.dueAt().atOffset(ZoneOffset.UTC);
        row.firm = date.firm();
        row.clockFrom = utc(date.from());
        // A step of the team's that falls due while it waits for the
        // reporter (scored meanwhile) waits too.
        row.paused =
                vulnerabilityCase.pausedAt != null
                        && CaseTimeline.pausedWithTheTeam(step(date.step()));
        if (DeadlineTracking.repeats(step(date.step()))) {
            // Nothing to warn about: the scheduler writes the update itself
            // when it is due.
            row.warnAt = row.dueAt;
            row.updateEvery = date.promised();
        } else {
            row.warnAt = warnAt(vulnerabilityCase, date);
        }
        return row;
    }

    /**
     * Marks the deadlines the move from {@code from} to {@code to} meets (or ends) as settled, and
     * counts each one it keeps as met or missed.
     */
    public Uni<Void> settle(
            VulnerabilityCase vulnerabilityCase, CaseState from, CaseState to, Instant at) {
        return settle(
                vulnerabilityCase,
                DeadlineTracking.settledBy(from, to),
                DeadlineTracking.keptBy(from, to),
                at);
    }

    /** Marks the steps done (a notification submitted, the CVE record published), counting each. */
    public Uni<Void> done(VulnerabilityCase vulnerabilityCase, Set<Step> steps, Instant at) {
        return settle(vulnerabilityCase, steps, steps, at);
    }

    private Uni<Void> settle(
            VulnerabilityCase vulnerabilityCase, Set<Step> settled, Set<Step> kept, Instant at) {
        if (settled.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return deadlines
                .lockForCase(vulnerabilityCase.id)
                .invoke(
                        rows ->
                                rows.stream()
                                        .filter(
                                                row ->
                                                        row.settledAt == null
                                                                && settled.contains(step(row.step)))
                                        .forEach(
                                                row -> {
                                                    row.settledAt = at.atOffset(ZoneOffset.UTC);
                                                    if (kept.contains(step(row.step))) {
                                                        metrics.promiseKept(
                                                                vulnerabilityCase.programSlug,
                                                                row.step,
                                                                row.dueAt.toInstant(),
                                                                row.firm,
                                                                at);
                                                    }
                                                }))
                .replaceWithVoid();
    }

    /**
     * Stops the clocks of the team's open steps ({@code steps}) while it waits for the reporter:
     * the scheduler leaves them alone until {@link #resume}.
     */
    public Uni<Void> pause(UUID caseId, Set<Step> steps) {
        return deadlines
                .lockForCase(caseId)
                .invoke(
                        rows ->
                                rows.stream()
                                        .filter(
                                                row ->
                                                        row.settledAt == null
                                                                && steps.contains(step(row.step)))
                                        .forEach(row -> row.paused = true))
                .replaceWithVoid();
    }

    /**
     * Lets the paused steps run again; the caller then plans their moved due times. Steps the
     * silence's close settled at {@code closedAt} are owed again: the reporter reopened the case.
     */
    public Uni<Void> resume(UUID caseId, java.time.OffsetDateTime closedAt) {
        return deadlines
                .lockForCase(caseId)
                .invoke(
                        rows ->
                                rows.forEach(
                                        row -> {
                                            if (row.paused
                                                    && closedAt != null
                                                    && closedAt.isEqual(row.settledAt)) {
                                                row.settledAt = null;
                                            }
                                            row.paused = false;
                                        }))
                .replaceWithVoid();
    }

    public Uni<List<CaseDeadline>> of(UUID caseId) {
        return deadlines.forCase(caseId);
    }

    /** The deadlines not yet met of the given cases, by case, earliest due first. */
    public Uni<java.util.Map<UUID, List<CaseDeadline>>> openOf(java.util.Collection<UUID> caseIds) {
        return deadlines
                .openFor(caseIds)
                .map(
                        rows ->
                                rows.stream()
                                        .collect(
                                                java.util.stream.Collectors.groupingBy(
                                                        row -> row.caseId,
                                                        java.util.LinkedHashMap::new,
                                                        java.util.stream.Collectors.toList())));
    }

    /** A regulatory clock is warned about relative to its own start, the policy's to arrival. */
    private java.time.OffsetDateTime warnAt(VulnerabilityCase vulnerabilityCase, Planned date) {
        return DeadlineTracking.warnAt(
                        date.from() != null
                                ? date.from()
                                : vulnerabilityCase.submittedAt.toInstant(),
                        date.dueAt(),
                        config.deadlines().warnBefore())
                .atOffset(ZoneOffset.UTC);
    }

    private static java.time.OffsetDateTime utc(Instant time) {
        return time == null ? null : time.atOffset(ZoneOffset.UTC);
    }

    /** A deadline to watch, whichever clock set it. */
    private record Planned(
            String step, Instant dueAt, String promised, Instant from, boolean firm) {}

    static Step step(String wireName) {
        return Step.valueOf(wireName.toUpperCase(Locale.ROOT));
    }
}
