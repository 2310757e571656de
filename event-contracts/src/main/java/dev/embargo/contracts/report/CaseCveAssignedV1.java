package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;

/**
 * {@code case.cve.assigned.v1}, as events already on the topic carry it: decoded, then read as the
 * current {@link CaseCveAssigned}. v1 did not say when the ID was reserved; read as v2 that is not
 * known.
 *
 * @param reportId the report's id, the event subject and record key
 * @param caseId triage's case id
 * @param trackingId the tracking id the reporter knows
 * @param programSlug the case's program
 * @param cveId e.g. {@code CVE-2026-12345}
 * @param route the program's CVE route: {@code own-cna}, {@code parent-cna} or {@code
 *     other-assigner}
 * @param assigner who assigned it, e.g. the program's CNA short name, {@code MITRE}, {@code
 *     GitHub}; null when the program does not say
 * @param actor the staff member who assigned or recorded it
 * @param assignedAt when
 */
public record CaseCveAssignedV1(
        String reportId,
        String caseId,
        String trackingId,
        String programSlug,
        String cveId,
        String route,
        String assigner,
        String actor,
        Instant assignedAt)
        implements EventPayload {

    @Override
    public String subject() {
        return reportId;
    }

    @Override
    public CaseCveAssigned current() {
        return new CaseCveAssigned(
                reportId,
                caseId,
                trackingId,
                programSlug,
                cveId,
                route,
                assigner,
                null,
                actor,
                assignedAt);
    }
}
