package dev.embargo.contracts.report;

import java.time.Instant;

/**
 * One step of a case the program's policy sets a time for.
 *
 * @param step e.g. {@code triage}, {@code fix}, {@code disclosure}
 * @param dueAt when it is due; null when the policy sets no fixed time (best effort, next release)
 * @param promised the policy's words, e.g. {@code 10bd}
 */
public record Deadline(String step, Instant dueAt, String promised) {}
