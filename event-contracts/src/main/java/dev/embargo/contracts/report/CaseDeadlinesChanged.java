package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;
import java.util.List;

/**
 * A case's deadlines changed without a change of severity: it was put on the expedited track or on
 * one of its policy's tracks, a deadline was extended with the reporter's agreement, or the team's
 * clock paused while it waits for the reporter's answer ({@code paused}: due times unchanged, the
 * team's steps stop running) and resumed ({@code resumed}: those steps moved by the paused time).
 *
 * @param cause {@code expedited}, {@code track}, {@code extension}, {@code paused} or {@code
 *     resumed}
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
