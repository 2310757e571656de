package dev.embargo.triage.rest;

import java.time.Instant;

/**
 * Someone who reported the vulnerability: the original case's reporter or a duplicate's.
 *
 * @param creditName how they want to be credited; null for anonymous
 */
public record ReporterView(
        String caseId,
        String trackingId,
        String creditName,
        Instant submittedAt,
        boolean duplicate) {}
