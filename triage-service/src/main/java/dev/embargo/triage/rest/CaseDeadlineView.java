package dev.embargo.triage.rest;

import java.time.Instant;

/**
 * One deadline of a case as the scheduler watches it.
 *
 * @param standing {@code pending}, {@code warned}, {@code breached} or {@code settled}
 * @param firm false for a target the policy aims for: warned about, never breached
 */
public record CaseDeadlineView(
        String step,
        Instant dueAt,
        String standing,
        Instant warnedAt,
        Instant breachedAt,
        Instant settledAt,
        int updatesSent,
        boolean firm) {}
