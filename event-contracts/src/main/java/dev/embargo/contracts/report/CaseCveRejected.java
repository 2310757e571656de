package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;

/**
 * A CVE ID assigned to a case was rejected (a duplicate, not a vulnerability, assigned in error);
 * the case no longer has it. Advisory submits the REJECTED record, intake stops showing the ID. The
 * reason is staff's own words, written before any disclosure, so it travels sealed.
 *
 * @param reportId the report's id, the event subject and record key
 * @param caseId triage's case id
 * @param trackingId the tracking id the reporter knows
 * @param programSlug the case's program
 * @param cveId the rejected ID
 * @param sealedReason why, sealed (it becomes the REJECTED record's reason)
 * @param actor the staff member who rejected it
 * @param rejectedAt when
 */
public record CaseCveRejected(
        String reportId,
        String caseId,
        String trackingId,
        String programSlug,
        String cveId,
        String sealedReason,
        String actor,
        Instant rejectedAt)
        implements EventPayload {

    @Override
    public String subject() {
        return reportId;
    }
}
