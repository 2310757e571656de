package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;
import java.util.List;

/**
 * Staff recorded an SSVC decision on a case, beside its CVSS score: the decision points of CISA's
 * table and its outcome, and CERT/CC's coordinator triage decision where the program coordinates.
 * Advisory puts the vector in the CVE record and the CSAF document.
 *
 * @param reportId the report's id, the event subject and record key
 * @param caseId triage's case id
 * @param trackingId the tracking id the reporter knows
 * @param programSlug the case's program
 * @param decision the CISA Coordinator table's decision (Track, Track*, Attend or Act)
 * @param coordinatorTriage the coordinator triage table's decision (Decline, Track or Coordinate);
 *     null when staff did not make one
 * @param actor the staff member who decided
 * @param decidedAt when
 */
public record CaseSsvcDecided(
        String reportId,
        String caseId,
        String trackingId,
        String programSlug,
        Decision decision,
        Decision coordinatorTriage,
        String actor,
        Instant decidedAt)
        implements EventPayload {

    @Override
    public String subject() {
        return reportId;
    }

    /**
     * One SSVC decision table's outcome.
     *
     * @param table the table's name as CERT/CC publishes it, e.g. {@code CISA Coordinator}
     * @param version the table's version, e.g. {@code 2.0.3}
     * @param options each decision point's value, in the table's order
     * @param outcome e.g. {@code Act}
     */
    public record Decision(String table, String version, List<Option> options, String outcome) {

        public Decision {
            options = options == null ? List.of() : List.copyOf(options);
        }
    }

    /** A decision point and its value, named as the table names them. */
    public record Option(String decisionPoint, String value) {}
}
