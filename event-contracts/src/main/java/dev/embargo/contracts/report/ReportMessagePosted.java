package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;

/**
 * The reporter wrote to the security team through the status link. Triage adds it to the case's
 * conversation and notify tells the program's team. The text may describe the vulnerability, so it
 * travels sealed.
 *
 * @param messageId intake's id of the message, so a redelivered event adds it once
 * @param sealedBody the message, sealed
 */
public record ReportMessagePosted(
        String reportId,
        String trackingId,
        String programSlug,
        String messageId,
        String sealedBody,
        Instant postedAt)
        implements EventPayload {

    @Override
    public String subject() {
        return reportId;
    }
}
