package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;

/**
 * A case got its CVE ID: a coordinator assigned one from the program's reserved pool (own CNA), or
 * recorded the ID another assigner gave. The CNA rules (4.3.3) want the reporter told, so intake
 * shows it on the status page and notify emails it; advisory puts it in the CVE record. A CVE ID is
 * public by nature (it says nothing of the vulnerability), so it travels plain.
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
 * @param reservedAt when the ID entered the program's reserved pool (the CVE record's {@code
 *     dateReserved}); null when another assigner reserved it, so the program does not know
 * @param actor the staff member who assigned or recorded it
 * @param assignedAt when
 */
public record CaseCveAssigned(
        String reportId,
        String caseId,
        String trackingId,
        String programSlug,
        String cveId,
        String route,
        String assigner,
        Instant reservedAt,
        String actor,
        Instant assignedAt)
        implements EventPayload {

    @Override
    public String subject() {
        return reportId;
    }
}
