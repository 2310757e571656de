package dev.embargo.triage.rest;

import dev.embargo.contracts.report.ReportAcknowledged.PromisedDate;
import java.time.Instant;
import java.util.List;

/** A case as the case queue shows it. */
public record CaseSummary(
        String id,
        String reportId,
        String trackingId,
        String program,
        Integer programRevision,
        String title,
        String state,
        List<String> allowedTransitions,
        String owner,
        boolean expedited,
        String severity,
        String cvssVector,
        Double cvssScore,
        String creditName,
        /** The case this one duplicates; null unless it is a duplicate. */
        String duplicateOf,
        String affectedVersion,
        String versionSupport,
        Instant submittedAt,
        Instant acknowledgedAt,
        List<PromisedDate> promisedDates) {
}
