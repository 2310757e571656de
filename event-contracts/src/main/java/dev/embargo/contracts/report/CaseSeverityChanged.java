package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;
import java.util.List;

/**
 * Staff scored a case. The deadlines are recomputed for the new severity (a raised severity brings
 * the fix date forward).
 *
 * @param severity the program's severity level, e.g. {@code high}
 * @param cvssVector the CVSS 3.x or 4.0 vector it was scored with; null when staff named the level
 *     directly
 * @param cvssScore the vector's base score; null without a vector
 * @param deadlines the policy's deadlines for the case under the new severity
 */
public record CaseSeverityChanged(
        String reportId,
        String caseId,
        String trackingId,
        String programSlug,
        String severity,
        String cvssVector,
        Double cvssScore,
        String actor,
        List<Deadline> deadlines,
        Instant changedAt)
        implements EventPayload {

    public CaseSeverityChanged {
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
    }

    @Override
    public String subject() {
        return reportId;
    }
}
