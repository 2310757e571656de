package dev.embargo.triage.domain;

import dev.embargo.policy.ssvc.SsvcDecision;
import java.time.Instant;

/**
 * A case's SSVC decision as staff recorded it.
 *
 * @param decision the CISA Coordinator table's decision (Track, Track*, Attend or Act)
 * @param coordinatorTriage CERT/CC's coordinator triage decision; null when staff made none
 * @param decidedBy the staff member
 * @param decidedAt when
 */
public record SsvcRecord(
        SsvcDecision decision,
        SsvcDecision coordinatorTriage,
        String decidedBy,
        Instant decidedAt) {

    /** The Exploitation value that puts a case on the expedited track's doorstep. */
    private static final String ACTIVE_EXPLOITATION = "Active";

    /** Whether the decision says the vulnerability is exploited in the wild. */
    public boolean activelyExploited() {
        return ACTIVE_EXPLOITATION.equals(decision.valueOf("Exploitation"));
    }
}
