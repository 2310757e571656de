package dev.embargo.triage.service;

import dev.embargo.kit.work.RepeatingPass;
import dev.embargo.kit.work.Transactions;
import dev.embargo.triage.domain.CaseState;
import dev.embargo.triage.domain.PolicyDeadline;
import dev.embargo.triage.domain.VulnerabilityCase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a PSIRT lead watches, on Prometheus: time to acknowledge and to triage, whether each
 * deadline was met (per program and step), and open cases per state.
 */
@ApplicationScoped
public class CaseMetrics {

    private static final Duration OPEN_CASES_REFRESH = Duration.ofSeconds(15);

    private final MeterRegistry registry;
    private final Map<CaseState, AtomicLong> openCases = new EnumMap<>(CaseState.class);
    private final RepeatingPass refresh =
            new RepeatingPass("Open case count", this::countOpenCases);

    CaseMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (CaseState state : CaseState.values()) {
            AtomicLong count = new AtomicLong();
            openCases.put(state, count);
            registry.gauge(
                    "embargo.cases",
                    List.of(io.micrometer.core.instrument.Tag.of("state", state.wireName())),
                    count);
        }
    }

    void start(@Observes StartupEvent startup, Vertx vertx) {
        refresh.start(vertx, OPEN_CASES_REFRESH);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        refresh.stop();
    }

    /** A case was acknowledged: how long it took, and whether the policy's deadline was met. */
    public void acknowledged(VulnerabilityCase opened, List<PolicyDeadline> deadlines) {
        Duration took = Duration.between(opened.submittedAt, opened.acknowledgedAt);
        timer("embargo.case.time.to.acknowledge", opened.programSlug).record(took);
        outcome(
                opened.programSlug,
                "acknowledgement",
                deadlines,
                opened.acknowledgedAt.toInstant());
    }

    /** A case left "acknowledged": triage is done, one way or another. */
    public void triaged(VulnerabilityCase triaged, List<PolicyDeadline> deadlines, Instant at) {
        timer("embargo.case.time.to.triage", triaged.programSlug)
                .record(Duration.between(triaged.submittedAt.toInstant(), at));
        outcome(triaged.programSlug, "triage", deadlines, at);
    }

    /** A step after triage was done: on time or not. */
    public void promiseKept(
            String program, String step, Instant dueAt, boolean firm, Instant doneAt) {
        registry.counter(
                        "embargo.deadline.outcome",
                        "program",
                        program,
                        "step",
                        step,
                        "outcome",
                        outcomeOf(dueAt, firm, doneAt))
                .increment();
    }

    /**
     * {@code met} or {@code missed} for a firm deadline; a target's are {@code target-met} and
     * {@code target-missed}, so that a target missed never counts as a broken promise.
     */
    private static String outcomeOf(Instant dueAt, boolean firm, Instant doneAt) {
        String outcome = doneAt.isAfter(dueAt) ? "missed" : "met";
        return firm ? outcome : "target-" + outcome;
    }

    /**
     * The scheduler announced a deadline: {@code approaching}, {@code breached}, or a status update
     * {@code sent}.
     */
    public void deadlineAnnounced(String program, String step, String announcement) {
        registry.counter(
                        "embargo.deadline.announcements",
                        "program",
                        program,
                        "step",
                        step,
                        "announcement",
                        announcement)
                .increment();
    }

    private void outcome(
            String program, String step, List<PolicyDeadline> deadlines, Instant doneAt) {
        deadlines.stream()
                .filter(date -> step.equals(date.step()) && date.dueAt() != null)
                .findFirst()
                .ifPresent(due -> promiseKept(program, step, due.dueAt(), due.firm(), doneAt));
    }

    private Timer timer(String name, String program) {
        return Timer.builder(name)
                .tag("program", program)
                .publishPercentileHistogram()
                .register(registry);
    }

    private Uni<Void> countOpenCases() {
        return Transactions.inSession(
                        () ->
                                Panache.getSession()
                                        .chain(
                                                session ->
                                                        session.createNativeQuery(
                                                                        "SELECT state, count(*)"
                                                                            + " FROM"
                                                                            + " vulnerability_case"
                                                                            + " GROUP BY state",
                                                                        Object[].class)
                                                                .getResultList()))
                .invoke(
                        rows -> {
                            openCases.values().forEach(count -> count.set(0));
                            for (Object[] row : rows) {
                                CaseState.fromWireName(
                                                row[0].toString()
                                                        .toLowerCase(java.util.Locale.ROOT))
                                        .ifPresent(
                                                state ->
                                                        openCases
                                                                .get(state)
                                                                .set(
                                                                        ((Number) row[1])
                                                                                .longValue()));
                            }
                        })
                .replaceWithVoid();
    }
}
