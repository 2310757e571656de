package dev.embargo.policy.deadline;

import dev.embargo.policy.model.PolicyDuration;
import java.util.Objects;

/**
 * More time for one step, agreed with the reporter and recorded with its reason (seed 001: "agree
 * on an extended timeline with the reporter rather than missing the deadline silently").
 */
public record Extension(Step step, PolicyDuration by, String reason, boolean reporterAgreed) {

    public Extension {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(by, "by");
        if (by.isOpenEnded()) {
            throw new IllegalArgumentException("An extension adds a fixed time, not " + by);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("An extension needs its reason");
        }
    }
}
