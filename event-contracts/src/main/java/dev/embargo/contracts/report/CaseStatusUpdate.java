package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import dev.embargo.contracts.report.ReportAcknowledged.PromisedDate;
import java.time.Instant;
import java.util.List;

/**
 * A status update the case's policy owes its reporter is due (seed 003: every 7 days). Triage's
 * scheduler raises it; notify writes to the reporter. It carries only what the reporter may see.
 *
 * @param reportId     the report's id, the event subject and record key
 * @param caseId       triage's case id
 * @param trackingId   the tracking id the reporter knows
 * @param programSlug  the case's program
 * @param sequence     1 for the first update of the case, then one more each time
 * @param status       where the report stands, as its reporter is told ({@link ReportStatus#wireName()})
 * @param promisedDates the case's promised dates as they stand
 * @param dueAt        when the update was due
 */
public record CaseStatusUpdate(
        String reportId,
        String caseId,
        String trackingId,
        String programSlug,
        int sequence,
        String status,
        List<PromisedDate> promisedDates,
        Instant dueAt) implements EventPayload {

    public CaseStatusUpdate {
        promisedDates = promisedDates == null ? List.of() : List.copyOf(promisedDates);
    }

    @Override
    public String subject() {
        return reportId;
    }
}
