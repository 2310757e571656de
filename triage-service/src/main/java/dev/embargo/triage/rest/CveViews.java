package dev.embargo.triage.rest;

import java.time.Instant;
import java.util.UUID;

/** What the CVE ID endpoints answer. */
public final class CveViews {

    private CveViews() {}

    /**
     * A case's CVE ID and its CNA clock facts.
     *
     * @param route the program's CVE route as the ID was assigned; null before
     * @param publiclyDisclosedAt when the case was published (the CNA clock's start)
     * @param recordPublishedAt when CVE Services accepted its record
     */
    public record OfCase(
            String cveId,
            String route,
            Instant assignedAt,
            String requestedFrom,
            Instant requestedAt,
            String requestReference,
            Instant publiclyDisclosedAt,
            Instant recordPublishedAt) {}

    /**
     * One ID of a program's pool.
     *
     * @param state {@code reserved}, {@code assigned} or {@code rejected}
     * @param rejectionReason why it was rejected (opened for staff); null otherwise
     */
    public record Reservation(
            String cveId,
            String state,
            UUID caseId,
            String reservedBy,
            Instant reservedAt,
            String rejectionReason,
            Instant rejectedAt) {}
}
