package dev.embargo.triage.rest;

import dev.embargo.policy.ssvc.SsvcDecision;
import java.time.Instant;

/**
 * A case's SSVC decision as the case view shows it.
 *
 * @param coordinatorTriage null when staff made no coordinator triage decision
 * @param expediteOffered whether the case view offers the expedited track: exploitation is active
 *     and the case is not on it yet
 */
public record SsvcView(
        SsvcDecision decision,
        SsvcDecision coordinatorTriage,
        String decidedBy,
        Instant decidedAt,
        boolean expediteOffered) {}
