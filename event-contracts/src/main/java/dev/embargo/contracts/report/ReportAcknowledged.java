package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;
import java.util.List;

/**
 * Triage opened a case for a report and acknowledged it to the reporter.
 *
 * @param reportId       the report's id, the event subject and record key
 * @param trackingId     the tracking id the reporter knows
 * @param programSlug    the program the case belongs to
 * @param caseId         triage's case id (UUID)
 * @param acknowledgedAt when triage acknowledged the report
 * @param promisedDates  what the program's policy promises from here on, in order; empty when it promises nothing
 */
public record ReportAcknowledged(
        String reportId,
        String trackingId,
        String programSlug,
        String caseId,
        Instant acknowledgedAt,
        List<PromisedDate> promisedDates) implements EventPayload {

    public ReportAcknowledged {
        promisedDates = promisedDates == null ? List.of() : List.copyOf(promisedDates);
    }

    /**
     * One promise of the policy for this report.
     *
     * @param step     e.g. {@code triage}, {@code fix}, {@code disclosure}
     * @param dueAt    when it is due; null when the policy promises no fixed time (best effort, next release)
     * @param promised the policy's words, e.g. {@code 10bd}
     */
    public record PromisedDate(String step, Instant dueAt, String promised) {
    }

    @Override
    public String subject() {
        return reportId;
    }
}
