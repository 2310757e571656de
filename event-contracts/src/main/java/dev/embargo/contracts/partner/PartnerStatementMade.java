package dev.embargo.contracts.partner;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;

/**
 * A partner answered a pre-advisory through its capability link: either a statement about one of
 * its products (VEX-like: affected, not affected with a CSAF justification, fixed in a version,
 * under investigation) or its readiness for the lift. Each event carries the partner's readiness as
 * it stands; the partner's free-text reasons stay in notify.
 *
 * @param advisoryId the advisory's id, the event subject and record key
 * @param product the partner's product the statement is about; null for a readiness report
 * @param status affected, not_affected, fixed or under_investigation; null for a readiness report
 * @param justification why a product is not affected (CSAF VEX flag label); null otherwise
 * @param fixedVersion the version that fixes a product; null unless the status is fixed
 * @param readiness ready, need_more_time or cannot_meet; null until the partner reported it
 */
public record PartnerStatementMade(
        String advisoryId,
        String programSlug,
        String partnerId,
        String partnerName,
        String product,
        String status,
        String justification,
        String fixedVersion,
        String readiness,
        Instant statedAt)
        implements EventPayload {

    @Override
    public String subject() {
        return advisoryId;
    }
}
