package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;
import java.util.List;

/**
 * A case's deadlines changed without a change of severity: it was put on the expedited track or on
 * one of its policy's tracks, or a deadline was extended with the reporter's agreement.
 *
 * @param cause {@code expedited}, {@code track} or {@code extension}
 */
public record CaseDeadlinesChanged(
        String reportId,
        String caseId,
        String trackingId,
        String programSlug,
        String cause,
        String actor,
        List<Deadline> deadlines,
        Instant changedAt)
        implements EventPayload {

    public CaseDeadlinesChanged {
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
    }

    @Override
    public String subject() {
        return reportId;
    }
}
