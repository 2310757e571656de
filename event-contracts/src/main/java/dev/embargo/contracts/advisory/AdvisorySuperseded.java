package dev.embargo.contracts.advisory;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;

/**
 * A published advisory was superseded: another advisory replaces it. It stays public, naming its
 * successor in every format; partners and subscribers are told. Nothing in it is sealed.
 *
 * @param advisoryId the superseded advisory's id, the event subject and record key
 * @param publicId its public identifier, e.g. {@code EMB-2026-0007}
 * @param programSlug the program it belongs to
 * @param revision the public version that says it is superseded
 * @param title its title
 * @param cveId its CVE id; null when none was assigned
 * @param url its human page
 * @param successorPublicId the public identifier of the advisory that replaces it
 * @param successorUrl the successor's human page
 * @param reason why it was superseded, as published
 * @param supersededAt when the supersession was published
 */
public record AdvisorySuperseded(
        String advisoryId,
        String publicId,
        String programSlug,
        int revision,
        String title,
        String cveId,
        String url,
        String successorPublicId,
        String successorUrl,
        String reason,
        Instant supersededAt)
        implements EventPayload {

    @Override
    public String subject() {
        return advisoryId;
    }
}
