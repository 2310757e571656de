package dev.embargo.triage.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.embargo.contracts.report.Deadline;
import java.time.Instant;

/**
 * One deadline the program's policy sets for a case, as triage keeps it with the case: what the
 * events carry, and whether the policy commits to it or only aims for it.
 *
 * @param step the step's wire name, e.g. {@code triage}
 * @param firm false for a target ("we aim to"): warned about, never breached
 */
public record PolicyDeadline(String step, Instant dueAt, String promised, boolean firm) {

    /** Reads stored deadlines; those stored before targets existed were all firm. */
    @JsonCreator
    static PolicyDeadline of(
            @JsonProperty("step") String step,
            @JsonProperty("dueAt") Instant dueAt,
            @JsonProperty("promised") String promised,
            @JsonProperty("firm") Boolean firm) {
        return new PolicyDeadline(step, dueAt, promised, firm == null || firm);
    }

    /** The deadline as events carry it. */
    public Deadline forEvents() {
        return new Deadline(step, dueAt, promised);
    }
}
