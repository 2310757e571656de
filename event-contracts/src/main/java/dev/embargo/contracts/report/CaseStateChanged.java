package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;

/**
 * A case moved in triage's lifecycle. The reason is staff's own words and may name details of the
 * vulnerability, so it travels sealed.
 *
 * @param reportId the report's id, the event subject and record key
 * @param caseId triage's case id
 * @param trackingId the tracking id the reporter knows
 * @param programSlug the case's program
 * @param from the state before, e.g. {@code triaging}
 * @param to the state after, e.g. {@code accepted}
 * @param actor the staff member's user name
 * @param sealedReason why, sealed; null when none was given
 * @param changedAt when
 */
public record CaseStateChanged(
        String reportId,
        String caseId,
        String trackingId,
        String programSlug,
        String from,
        String to,
        String actor,
        String sealedReason,
        Instant changedAt)
        implements EventPayload {

    @Override
    public String subject() {
        return reportId;
    }
}
