package dev.embargo.contracts.advisory;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;

/**
 * A published advisory was withdrawn: it was published in error. It stays public, saying so in
 * every format; partners and subscribers are told. Everything in it is public, so nothing is
 * sealed.
 *
 * @param advisoryId the advisory's id, the event subject and record key
 * @param publicId the advisory's public identifier, e.g. {@code EMB-2026-0007}
 * @param programSlug the program it belongs to
 * @param revision the public version that says it is withdrawn
 * @param title the advisory's title
 * @param cveId the CVE id; null when none was assigned
 * @param url the human advisory page
 * @param reason why it was withdrawn, as published
 * @param withdrawnAt when the withdrawal was published
 */
public record AdvisoryWithdrawn(
        String advisoryId,
        String publicId,
        String programSlug,
        int revision,
        String title,
        String cveId,
        String url,
        String reason,
        Instant withdrawnAt)
        implements EventPayload {

    @Override
    public String subject() {
        return advisoryId;
    }
}
