package dev.embargo.intake.rest;

import java.time.Instant;

/** One step of a timeline preview: when the policy promises it, in its own words, and why. */
public record PromisedDateView(String step, Instant dueAt, String promised, String basis) {
}
