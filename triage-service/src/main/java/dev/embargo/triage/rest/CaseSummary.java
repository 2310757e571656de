package dev.embargo.triage.rest;

import java.time.Instant;

/** A case as the case queue shows it. */
public record CaseSummary(
        String id,
        String reportId,
        String trackingId,
        String program,
        String title,
        String state,
        String creditName,
        Instant submittedAt,
        Instant acknowledgedAt) {
}
