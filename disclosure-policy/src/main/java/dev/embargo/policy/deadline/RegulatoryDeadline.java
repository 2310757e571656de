package dev.embargo.policy.deadline;

import java.time.Instant;

/**
 * A step a law or the CVE Program sets a time for.
 *
 * @param from when its clock started (public disclosure, awareness, ...); null when it has not
 * @param due when it is due; null until the event it runs from has happened
 * @param firm whether missing it is a breach; a target only earns warnings
 * @param basis the rule, for people, e.g. "CRA Art. 14(2)(a): within 24 hours of awareness"
 */
public record RegulatoryDeadline(Step step, Instant from, Instant due, boolean firm, String basis) {

    public RegulatoryDeadline {
        if (!step.regulatory()) {
            throw new IllegalArgumentException(step + " is a step of the policy, not of a law");
        }
    }
}
