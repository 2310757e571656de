package dev.embargo.contracts.partner;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;

/**
 * A partner confirmed, through its pre-advisory's capability link, that it received the
 * pre-advisory. Once per partner and advisory.
 *
 * @param advisoryId the advisory's id, the event subject and record key
 * @param programSlug the program the advisory belongs to
 * @param partnerId notify's partner id
 * @param partnerName the partner's registered name
 */
public record PartnerAcknowledged(
        String advisoryId,
        String programSlug,
        String partnerId,
        String partnerName,
        Instant acknowledgedAt)
        implements EventPayload {

    @Override
    public String subject() {
        return advisoryId;
    }
}
