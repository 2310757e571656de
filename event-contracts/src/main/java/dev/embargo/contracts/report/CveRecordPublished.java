package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;

/**
 * A CVE record naming a report's case was published to the CVE Program (CVE Services accepted it).
 * Triage settles the CNA clock with it: the record must be public within 72 hours of the case's
 * public disclosure (CNA rules 4.5.1.3/4.5.1.4). Advisory sends one per report the record answers,
 * on the report's topic partition, so it stays in order with the case's other events.
 *
 * @param reportId the report's id, the event subject and record key
 * @param programSlug the case's program
 * @param cveId the record's CVE ID
 * @param recordState {@code PUBLISHED}, or {@code REJECTED} for a REJECTED record
 * @param advisoryId advisory's id of the advisory the record belongs to; null for a REJECTED record
 *     without one
 * @param publishedAt when CVE Services accepted it
 */
public record CveRecordPublished(
        String reportId,
        String programSlug,
        String cveId,
        String recordState,
        String advisoryId,
        Instant publishedAt)
        implements EventPayload {

    @Override
    public String subject() {
        return reportId;
    }
}
