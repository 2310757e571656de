package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;
import java.util.List;

/**
 * {@code case.status.update.v1}, as events already on the topic carry it: decoded, then read as the
 * current {@link CaseStatusUpdate}. v1 named the deadlines {@code promisedDates}.
 */
public record CaseStatusUpdateV1(
        String reportId,
        String caseId,
        String trackingId,
        String programSlug,
        int sequence,
        String status,
        List<Deadline> promisedDates,
        Instant dueAt)
        implements EventPayload {

    @Override
    public String subject() {
        return reportId;
    }

    @Override
    public CaseStatusUpdate current() {
        return new CaseStatusUpdate(
                reportId, caseId, trackingId, programSlug, sequence, status, promisedDates, dueAt);
    }
}
