package dev.embargo.contracts.program;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;

/**
 * A CVE ID an own CNA reserved and no case used was rejected from the program's pool (CNA rule
 * 4.5.3.5); advisory submits its REJECTED record. No report is involved, so the ID is the subject
 * and record key. The reason is staff's own words and travels sealed, like a case's rejection.
 *
 * @param programSlug the program whose pool held the ID
 * @param cveId the rejected ID, the event subject and record key
 * @param sealedReason why, sealed (it becomes the REJECTED record's reason)
 * @param actor the admin who rejected it
 * @param rejectedAt when
 */
public record CveIdRejected(
        String programSlug, String cveId, String sealedReason, String actor, Instant rejectedAt)
        implements EventPayload {

    @Override
    public String subject() {
        return cveId;
    }
}
