package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;

/**
 * {@code deadline.breached.v1}, as events already on the topic carry it: decoded, then read as the
 * current {@link DeadlineBreached}. v1 knew only the policy's steps.
 */
public record DeadlineBreachedV1(
        String reportId,
        String caseId,
        String trackingId,
        String programSlug,
        String step,
        Instant dueAt,
        String caseState,
        String owner,
        Instant raisedAt)
        implements EventPayload {

    @Override
    public String subject() {
        return reportId;
    }

    @Override
    public DeadlineBreached current() {
        return new DeadlineBreached(
                reportId, caseId, trackingId, programSlug, step, dueAt, caseState, owner, raisedAt);
    }
}
