package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;
import java.util.List;

/**
 * {@code case.severity.changed.v1}, as events already on the topic carry it: decoded, then read as
 * the current {@link CaseSeverityChanged}. v1 named the deadlines {@code promisedDates}.
 */
public record CaseSeverityChangedV1(
        String reportId,
        String caseId,
        String trackingId,
        String programSlug,
        String severity,
        String cvssVector,
        Double cvssScore,
        String actor,
        List<Deadline> promisedDates,
        Instant changedAt)
        implements EventPayload {

    @Override
    public String subject() {
        return reportId;
    }

    @Override
    public CaseSeverityChanged current() {
        return new CaseSeverityChanged(
                reportId,
                caseId,
                trackingId,
                programSlug,
                severity,
                cvssVector,
                cvssScore,
                actor,
                promisedDates,
                changedAt);
    }
}
