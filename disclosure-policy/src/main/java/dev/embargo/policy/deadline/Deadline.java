package dev.embargo.policy.deadline;

import dev.embargo.policy.model.PolicyDuration;
import java.time.Instant;

/**
 * A step of a case the policy sets a time for: when it is due, and why.
 *
 * @param due the due time; null when the policy sets no time (best effort, next release) or it
 *     depends on something not known yet (the severity)
 * @param promised the policy's own words for it, e.g. {@code 3bd}
 * @param basis how the time follows from the policy, for people
 */
public record Deadline(Step step, Instant due, PolicyDuration promised, String basis) {}
