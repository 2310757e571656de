package dev.embargo.triage.rest;

import java.time.Instant;

/**
 * One deadline of a case as the scheduler watches it.
 *
 * @param standing {@code pending}, {@code warned}, {@code breached} or {@code settled}
 */
public record CaseDeadlineView(
        String step,
        Instant dueAt,
        String standing,
        Instant warnedAt,
        Instant breachedAt,
        Instant settledAt,
        int updatesSent) {}
