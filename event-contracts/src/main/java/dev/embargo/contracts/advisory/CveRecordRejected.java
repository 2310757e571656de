package dev.embargo.contracts.advisory;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;

/**
 * The CVE record of a published advisory was rejected (CVE state {@code REJECTED}): the advisory's
 * {@code cve.json} now says so with the reason, and the record is queued for CVE Services. Nothing
 * in it is sealed: the reason is published with the record.
 *
 * @param advisoryId the advisory's id, the event subject and record key
 * @param publicId the advisory's public identifier
 * @param programSlug the program it belongs to
 * @param cveId the rejected CVE id
 * @param url the advisory's human page
 * @param reason the rejection reason, as the record gives it
 * @param rejectedAt when the REJECTED record was published
 */
public record CveRecordRejected(
        String advisoryId,
        String publicId,
        String programSlug,
        String cveId,
        String url,
        String reason,
        Instant rejectedAt)
        implements EventPayload {

    @Override
    public String subject() {
        return advisoryId;
    }
}
