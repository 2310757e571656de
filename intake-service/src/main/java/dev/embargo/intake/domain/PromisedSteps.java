package dev.embargo.intake.domain;

import dev.embargo.contracts.report.Deadline;
import dev.embargo.contracts.report.ReportStatus;
import dev.embargo.policy.deadline.BusinessCalendar;
import dev.embargo.policy.model.DisclosurePolicy;
import dev.embargo.policy.model.Program;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A report's promised steps at one moment: where each stands and which the reporter may escalate. A
 * late step may be escalated; so may any step not yet met once the program has left the reporter
 * without an answer for its escalation threshold ({@code policy.escalation.after}), counted in the
 * program's calendar from the latest of the report's arrival, its acknowledgement and the team's
 * last message. While the team waits for the reporter (needs-info) nothing may be escalated.
 */
public final class PromisedSteps {

    private final List<Deadline> deadlines;
    private final ReportStatus status;
    private final Set<String> missed;
    private final Instant thresholdPassesAt;
    private final Instant now;

    private PromisedSteps(
            List<Deadline> deadlines,
            ReportStatus status,
            Set<String> missed,
            Instant thresholdPassesAt,
            Instant now) {
        this.deadlines = List.copyOf(deadlines);
        this.status = status;
        this.missed = missed;
        this.thresholdPassesAt = thresholdPassesAt;
        this.now = now;
    }

    /**
     * @param missedByTriage the steps and due times triage said were missed
     * @param program the program in force; null when intake no longer lists it (no threshold)
     * @param lastAnswer the latest word the reporter had from the program: the report's arrival,
     *     its acknowledgement or the team's last message
     */
    public static PromisedSteps of(
            List<Deadline> deadlines,
            ReportStatus status,
            List<MissedStep> missedByTriage,
            Program program,
            Instant lastAnswer,
            Instant now) {
        Set<String> missed =
                missedByTriage.stream()
                        .map(step -> key(step.step, step.dueAt.toInstant()))
                        .collect(Collectors.toUnmodifiableSet());
        return new PromisedSteps(
                deadlines, status, missed, thresholdPassesAt(program, lastAnswer), now);
    }

    private static Instant thresholdPassesAt(Program program, Instant lastAnswer) {
        if (program == null || program.policy().escalation() == null) {
            return null;
        }
        DisclosurePolicy.Escalation escalation = program.policy().escalation();
        if (escalation.after() == null || escalation.after().isOpenEnded()) {
            return null;
        }
        return BusinessCalendar.of(program.timeZone(), program.policy().calendar())
                .plus(lastAnswer, escalation.after());
    }

    public List<Deadline> all() {
        return deadlines;
    }

    public Optional<Deadline> step(String name) {
        return deadlines.stream().filter(deadline -> deadline.step().equals(name)).findFirst();
    }

    public StepState stateOf(Deadline deadline) {
        return StepState.of(
                deadline, status, now, missed.contains(key(deadline.step(), deadline.dueAt())));
    }

    public boolean mayEscalate(Deadline deadline) {
        StepState state = stateOf(deadline);
        return state == StepState.LATE
                || state == StepState.PENDING
                        && status != ReportStatus.NEEDS_INFO
                        && thresholdPassed();
    }

    public boolean anyMayEscalate() {
        return deadlines.stream().anyMatch(this::mayEscalate);
    }

    /** When the program's escalation threshold passed or passes; null when it sets none. */
    public Instant thresholdPassesAt() {
        return thresholdPassesAt;
    }

    private boolean thresholdPassed() {
        return thresholdPassesAt != null && !thresholdPassesAt.isAfter(now);
    }

    private static String key(String step, Instant dueAt) {
        return step + "@" + dueAt;
    }
}
