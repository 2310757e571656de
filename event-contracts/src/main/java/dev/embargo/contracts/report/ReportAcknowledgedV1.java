package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;
import java.util.List;

/**
 * {@code report.acknowledged.v1}, as events already on the topic carry it: decoded, then read as
 * the current {@link ReportAcknowledged}. v1 named the deadlines {@code promisedDates}.
 */
public record ReportAcknowledgedV1(
        String reportId,
        String trackingId,
        String programSlug,
        String caseId,
        Instant acknowledgedAt,
        List<Deadline> promisedDates)
        implements EventPayload {

    @Override
    public String subject() {
        return reportId;
    }

    @Override
    public ReportAcknowledged current() {
        return new ReportAcknowledged(
                reportId, trackingId, programSlug, caseId, acknowledgedAt, promisedDates);
    }
}
