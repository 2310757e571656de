package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;

/**
 * {@code deadline.approaching.v1}, as events already on the topic carry it: decoded, then read as
 * the current {@link DeadlineApproaching}. v1 knew only the policy's steps.
 */
public record DeadlineApproachingV1(
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
    public DeadlineApproaching current() {
        return new DeadlineApproaching(
                reportId, caseId, trackingId, programSlug, step, dueAt, caseState, owner, raisedAt);
    }
}
