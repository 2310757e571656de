package dev.embargo.advisory.domain;

import dev.embargo.policy.ssvc.SsvcDecision;
import java.time.Instant;

/**
 * The case's SSVC decision as triage last sent it, published beside the CVSS score.
 *
 * @param decision the CISA Coordinator table's decision: its vector goes in the CVE record
 * @param coordinatorTriage CERT/CC's coordinator triage decision; null when staff made none. It
 *     says how the team coordinates, so it stays out of the published documents.
 * @param decidedAt when staff decided: the vector's timestamp
 */
public record SsvcAssessment(
        SsvcDecision decision, SsvcDecision coordinatorTriage, Instant decidedAt) {}
