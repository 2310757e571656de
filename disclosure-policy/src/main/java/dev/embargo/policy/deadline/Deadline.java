package dev.embargo.policy.deadline;

import dev.embargo.policy.model.PolicyDuration;
import java.time.Instant;

/**
 * A step of a case the policy sets a time for: when it is due, and why.
 *
 * @param due the latest time for the step; null when the policy sets no time (best effort, next
 *     release, a minimum only) or it depends on something not known yet (the severity, the event it
 *     is anchored on)
 * @param promised the span the policy promises, e.g. {@code 3bd}; the minimum for a minimum-only
 *     promise
 * @param basis how the time follows from the policy, for people
 * @param firm whether missing it is a breach; a target (the policy's "usually", "we aim to") only
 *     earns warnings
 * @param anchor the event the clock runs from
 * @param atLeast the earliest time for the step, when the policy states a minimum; else null
 * @param label tells repeated steps apart, e.g. the partner group of a {@link Step#PARTNER_NOTICE};
 *     null for steps that occur once
 */
public record Deadline(
        Step step,
        Instant due,
        PolicyDuration promised,
        String basis,
        boolean firm,
        Anchor anchor,
        Instant atLeast,
        String label) {

    public Deadline {
        anchor = anchor == null ? Anchor.ARRIVAL : anchor;
    }

    /** A firm deadline counted from arrival, with no minimum: what every version 1 step is. */
    public Deadline(Step step, Instant due, PolicyDuration promised, String basis) {
        this(step, due, promised, basis, true, Anchor.ARRIVAL, null, null);
    }
}
