package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;
import java.util.List;

/**
 * {@code case.deadlines.changed.v3}, as events already on the topic carry it: decoded, then read as
 * the current {@link CaseDeadlinesChanged}, whose fields it has. v4 added the causes {@code paused}
 * and {@code resumed}.
 */
public record CaseDeadlinesChangedV3(
        String reportId,
        String caseId,
        String trackingId,
        String programSlug,
        String cause,
        String actor,
        List<Deadline> deadlines,
        Instant changedAt)
        implements EventPayload {

    @Override
    public String subject() {
        return reportId;
    }

    @Override
    public CaseDeadlinesChanged current() {
        return new CaseDeadlinesChanged(
                reportId, caseId, trackingId, programSlug, cause, actor, deadlines, changedAt);
    }
}
