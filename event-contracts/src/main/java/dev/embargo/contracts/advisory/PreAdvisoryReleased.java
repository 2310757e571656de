package dev.embargo.contracts.advisory;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;
import java.util.List;

/**
 * A pre-advisory was released to partners under embargo: notify delivers it by signed webhook to
 * every partner of the named groups that follows the program. Its content is embargoed, so it
 * travels sealed.
 *
 * @param advisoryId the advisory's id, the event subject and record key
 * @param programSlug the program it belongs to
 * @param partnerGroups the partner groups to tell (ids of the program's partner groups)
 * @param embargoUntil when the embargo lifts; nothing of it may be public before
 * @param sealedDocument the pre-advisory as JSON, sealed
 * @param releasedBy the staff member who released it
 */
public record PreAdvisoryReleased(
        String advisoryId,
        String programSlug,
        List<String> partnerGroups,
        Instant embargoUntil,
        String sealedDocument,
        String releasedBy,
        Instant releasedAt)
        implements EventPayload {

    public PreAdvisoryReleased {
        partnerGroups = partnerGroups == null ? List.of() : List.copyOf(partnerGroups);
    }

    @Override
    public String subject() {
        return advisoryId;
    }
}
