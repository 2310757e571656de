package dev.embargo.policy.deadline;

import java.time.Instant;

/**
 * What the regulatory clocks of a case run from. Every time is null until it is known.
 *
 * @param cveRecordOwed whether the program is the CNA that assigned the case's CVE ID, so the CVE
 *     Program's publication rules bind it
 * @param publiclyDisclosedAt when the vulnerability became public
 * @param craTrigger what started the EU CRA clock; null when none runs (the product is not on the
 *     EU market, or nothing happened that Article 14 names)
 * @param awareAt when the team became aware of the exploitation or incident
 * @param correctiveMeasureAt when a corrective or mitigating measure became available
 * @param notificationSubmittedAt when the (incident) notification was submitted
 */
public record RegulatoryFacts(
        boolean cveRecordOwed,
        Instant publiclyDisclosedAt,
        CraTrigger craTrigger,
        Instant awareAt,
        Instant correctiveMeasureAt,
        Instant notificationSubmittedAt) {

    public RegulatoryFacts {
        if (craTrigger != null && awareAt == null) {
            throw new IllegalArgumentException("The CRA clock runs from the awareness time");
        }
    }

    /** A case no regulatory clock applies to. */
    public static RegulatoryFacts none() {
        return new RegulatoryFacts(false, null, null, null, null, null);
    }
}
