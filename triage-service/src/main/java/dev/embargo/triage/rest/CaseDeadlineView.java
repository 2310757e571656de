package dev.embargo.triage.rest;

import java.time.Instant;

/**
 * One deadline of a case as the scheduler watches it.
 *
 * @param step a step of the policy ({@code triage}, {@code fix}, ...) or of a regulatory clock
 *     ({@code cve_record}, {@code cra_early_warning}, ...)
 * @param standing {@code pending}, {@code warned}, {@code breached}, {@code paused} (waiting for
 *     the reporter) or {@code settled}
 * @param firm false for a target, which is warned about and never breached
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
