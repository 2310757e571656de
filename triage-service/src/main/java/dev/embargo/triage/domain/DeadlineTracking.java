package dev.embargo.triage.domain;

import dev.embargo.policy.deadline.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which deadlines the deadline scheduler watches, and which moves of a case meet them.
 * Acknowledgement is kept on arrival (triage acknowledges every case it opens), and pre-release is
 * the earliest time partners may be told, not something that can be late; every other step with a
 * due time is watched until the case's moves settle it.
 */
public final class DeadlineTracking {

    /** Decisions after which nothing more is owed: the case is over. */
    private static final Set<CaseState> ENDINGS =
            EnumSet.of(
                    CaseState.DUPLICATE,
                    CaseState.OUT_OF_SCOPE,
                    CaseState.SPAM,
                    CaseState.WONT_FIX,
                    CaseState.CLOSED);

    private DeadlineTracking() {}

    public static boolean watched(Step step) {
        return step != Step.ACKNOWLEDGEMENT && step != Step.PRE_RELEASE;
    }

    /** The status update comes back at the policy's cadence; every other step is due once. */
    public static boolean repeats(Step step) {
        return step == Step.STATUS_UPDATE;
    }

    /** The steps a move from {@code from} to {@code to} completes, or makes no longer owed. */
    public static Set<Step> settledBy(CaseState from, CaseState to) {
        if (ENDINGS.contains(to)) {
            // A law's duty does not end with the case: a case closed as won't-fix still owes its
            // CRA notifications.
            Set<Step> policySteps = EnumSet.allOf(Step.class);
            policySteps.removeIf(Step::regulatory);
            return policySteps;
        }
        Set<Step> settled = EnumSet.noneOf(Step.class);
        if (CaseLifecycle.endsTriage(from, to)) {
            settled.add(Step.TRIAGE);
        }
        if (to == CaseState.PRE_RELEASE || to == CaseState.PUBLISHED) {
            settled.add(Step.FIX);
        }
        if (to == CaseState.PUBLISHED) {
            // The advisory tells the reporter the rest; periodic updates stop with it.
            settled.add(Step.DISCLOSURE);
            settled.add(Step.STATUS_UPDATE);
        }
        return settled;
    }

    /**
     * The steps after triage that a move completes, as opposed to no longer owing them: the fix
     * (ready for partners or published), disclosure (published) and the post-mortem (closed after
     * it). Acknowledgement and triage are judged when they happen (CaseMetrics).
     */
    public static Set<Step> keptBy(CaseState from, CaseState to) {
        Set<Step> kept = EnumSet.noneOf(Step.class);
        if (to == CaseState.PRE_RELEASE || to == CaseState.PUBLISHED) {
            kept.add(Step.FIX);
        }
        if (to == CaseState.PUBLISHED) {
            kept.add(Step.DISCLOSURE);
        }
        if (from == CaseState.POST_MORTEM && to == CaseState.CLOSED) {
            kept.add(Step.POST_MORTEM);
        }
        return kept;
    }

    /**
     * When to warn about a step due at {@code due}: {@code warnBefore} ahead of it, or a quarter of
     * the time the policy gave (from {@code arrival}) when that is shorter, so a 24-hour deadline
     * is not warned about the moment it is made.
     */
    public static Instant warnAt(Instant arrival, Instant due, Duration warnBefore) {
        Duration quarter = Duration.between(arrival, due).dividedBy(4);
        Duration lead =
                quarter.isNegative()
                        ? Duration.ZERO
                        : quarter.compareTo(warnBefore) < 0 ? quarter : warnBefore;
        return due.minus(lead);
    }
}
