package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;

/**
 * A deadline of the case's policy falls due soon and the step is not done: the team is warned
 * before the deadline is missed.
 *
 * @param reportId the report's id, the event subject and record key
 * @param caseId triage's case id
 * @param trackingId the tracking id the reporter knows
 * @param programSlug the case's program
 * @param step the deadline's step, e.g. {@code triage} (as in {@link Deadline#step()}), or a
 *     regulatory clock's, e.g. {@code cve_record}, {@code cra_early_warning}
 * @param dueAt when the step is due
 * @param caseState the case's state when the warning was raised
 * @param owner the staff member who owns the case; null when nobody does
 * @param raisedAt when the scheduler raised it (triage's clock)
 */
public record DeadlineApproaching(
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
}
