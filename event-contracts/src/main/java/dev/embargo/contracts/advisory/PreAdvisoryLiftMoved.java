package dev.embargo.contracts.advisory;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;
import java.util.List;

/**
 * A coordinator moved the lift of an advisory whose pre-advisory partners already hold: notify
 * tells those partners the new time, and their answers are now due for it. One event per
 * pre-advisory released.
 *
 * @param advisoryId the pre-advisory's id, as in its {@code preadvisory.released}: the event
 *     subject and record key
 * @param partnerGroups the groups the pre-advisory went to
 * @param embargoUntil the new lift time
 * @param previousEmbargoUntil the lift time the partners were told before
 * @param movedBy the staff member who moved it
 */
public record PreAdvisoryLiftMoved(
        String advisoryId,
        String programSlug,
        List<String> partnerGroups,
        Instant embargoUntil,
        Instant previousEmbargoUntil,
        String movedBy,
        Instant movedAt)
        implements EventPayload {

    public PreAdvisoryLiftMoved {
        partnerGroups = partnerGroups == null ? List.of() : List.copyOf(partnerGroups);
    }

    @Override
    public String subject() {
        return advisoryId;
    }
}
