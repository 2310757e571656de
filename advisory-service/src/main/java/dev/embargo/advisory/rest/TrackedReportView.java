package dev.embargo.advisory.rest;

import java.time.Instant;

/** A report on its way to a possible advisory, as publishers see it. */
public record TrackedReportView(
        String reportId,
        String trackingId,
        String program,
        String stage,
        String caseId,
        String creditName,
        Instant submittedAt,
        Instant acknowledgedAt) {}
