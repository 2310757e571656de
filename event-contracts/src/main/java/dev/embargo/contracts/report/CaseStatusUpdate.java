package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;
import java.util.List;

/**
 * A status update the case's policy owes its reporter is due (seed 003: every 7 days). Triage's
 * scheduler raises it; notify writes to the reporter. It carries only what the reporter may see.
 *
 * @param reportId the report's id, the event subject and record key
 * @param caseId triage's case id
 * @param trackingId the tracking id the reporter knows
 * @param programSlug the case's program
 * @param sequence 1 for the first update of the case, then one more each time
 * @param status where the report stands, as its reporter is told ({@link ReportStatus#wireName()})
 * @param deadlines the case's deadlines as they stand
 * @param dueAt when the update was due
 */
public record CaseStatusUpdate(
        String reportId,
        String caseId,
        String trackingId,
        String programSlug,
        int sequence,
        String status,
        List<Deadline> deadlines,
        Instant dueAt)
        implements EventPayload {

    public CaseStatusUpdate {
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
    }

    @Override
    public String subject() {
        return reportId;
    }
}
