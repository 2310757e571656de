package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;

/**
 * The reporter gave an OpenPGP public key (with the report, or later through the status link): from
 * now on notify encrypts the emails it sends them to that key. The key is not secret, but whose key
 * it is tells who reported, so it travels sealed.
 *
 * @param sealedPublicKey the ASCII-armored public key, sealed
 * @param fingerprint the fingerprint of the key's encryption subkey, hex, for logs and support
 */
public record ReporterKeyProvided(
        String reportId,
        String trackingId,
        String sealedPublicKey,
        String fingerprint,
        Instant providedAt)
        implements EventPayload {

    @Override
    public String subject() {
        return reportId;
    }
}
