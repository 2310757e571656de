package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;
import java.util.List;

/**
 * {@code case.deadlines.changed.v1}, as events already on the topic carry it: decoded, then read as
 * the current {@link CaseDeadlinesChanged}. v1 named the deadlines {@code promisedDates}.
 */
public record CaseDeadlinesChangedV1(
        String reportId,
        String caseId,
        String trackingId,
        String programSlug,
        String cause,
        String actor,
        List<Deadline> promisedDates,
        Instant changedAt)
        implements EventPayload {

    @Override
    public String subject() {
        return reportId;
    }

    @Override
    public CaseDeadlinesChanged current() {
        return new CaseDeadlinesChanged(
                reportId, caseId, trackingId, programSlug, cause, actor, promisedDates, changedAt);
    }
}
