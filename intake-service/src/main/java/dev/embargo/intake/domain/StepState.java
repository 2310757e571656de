package dev.embargo.intake.domain;

import dev.embargo.contracts.report.Deadline;
import dev.embargo.contracts.report.ReportStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a promised step stands for the reporter, judged from what intake is told: the step's due
 * time, whether triage said it was missed, and the case's state. A step is met by the move triage
 * settles it with (triage's DeadlineTracking): triage by a decision, the fix by pre-release or
 * publication, disclosure and status updates by publication; a case that ended owes nothing more.
 * While the team waits for the reporter's answer (needs-info) its clock is paused, so nothing
 * becomes late.
 */
public enum StepState {
    PENDING,
    MET,
    LATE;

    private static final Set<ReportStatus> ENDED =
            EnumSet.of(
                    ReportStatus.DUPLICATE,
                    ReportStatus.OUT_OF_SCOPE,
                    ReportStatus.WONT_FIX,
                    ReportStatus.CLOSED);

    private static final Set<ReportStatus> BEFORE_DECISION =
            EnumSet.of(
                    ReportStatus.SUBMITTED,
                    ReportStatus.ACKNOWLEDGED,
                    ReportStatus.TRIAGING,
                    ReportStatus.NEEDS_INFO);

    private static final Set<ReportStatus> FIX_OUT =
            EnumSet.of(ReportStatus.PRE_RELEASE, ReportStatus.PUBLISHED, ReportStatus.POST_MORTEM);

    private static final Set<ReportStatus> PUBLISHED =
            EnumSet.of(ReportStatus.PUBLISHED, ReportStatus.POST_MORTEM);

    /**
     * The state of {@code deadline} for a case in {@code status}, at {@code now}.
     *
     * @param missed whether triage said the step was missed at this due time: triage's clock, not
     *     intake's, decides on test stacks whose triage clock runs ahead
     */
    public static StepState of(
            Deadline deadline, ReportStatus status, Instant now, boolean missed) {
        if (met(deadline.step(), status)) {
            return MET;
        }
        boolean overdue = missed || deadline.dueAt() != null && deadline.dueAt().isBefore(now);
        return overdue && status != ReportStatus.NEEDS_INFO ? LATE : PENDING;
    }

    private static boolean met(String step, ReportStatus status) {
        if (ENDED.contains(status)) {
            return true;
        }
        return switch (step) {
            case "acknowledgement" -> status != ReportStatus.SUBMITTED;
            case "triage" -> !BEFORE_DECISION.contains(status);
            case "fix" -> FIX_OUT.contains(status);
            case "disclosure", "status_update" -> PUBLISHED.contains(status);
            default -> false;
        };
    }

    public boolean isLate() {
        return this == LATE;
    }

    /** The lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
