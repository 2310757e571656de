package dev.embargo.intake.rest;

import java.time.Instant;

/** What a reporter sees of their report through the status URL. */
public record ReportStatusView(
        String trackingId,
        String program,
        String title,
        String status,
        Instant submittedAt,
        Instant acknowledgedAt) {
}
