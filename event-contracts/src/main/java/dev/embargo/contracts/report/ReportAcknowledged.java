package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;
import java.util.List;

/**
 * Triage opened a case for a report and acknowledged it to the reporter.
 *
 * @param reportId the report's id, the event subject and record key
 * @param trackingId the tracking id the reporter knows
 * @param programSlug the program the case belongs to
 * @param caseId triage's case id (UUID)
 * @param acknowledgedAt when triage acknowledged the report
 * @param deadlines what the program's policy sets from here on, in order; empty when it sets none
 */
public record ReportAcknowledged(
        String reportId,
        String trackingId,
        String programSlug,
        String caseId,
        Instant acknowledgedAt,
        List<Deadline> deadlines)
        implements EventPayload {

    public ReportAcknowledged {
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
    }

    @Override
    public String subject() {
        return reportId;
    }
}
