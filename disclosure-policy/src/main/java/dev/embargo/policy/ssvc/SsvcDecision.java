package dev.embargo.policy.ssvc;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The outcome a decision table gave for the options chosen.
 *
 * @param table the table's name, e.g. {@code CISA Coordinator}
 * @param version the table's version, e.g. {@code 2.0.3}
 * @param options every decision point's value, in the table's order
 * @param outcome e.g. {@code Act}
 */
public record SsvcDecision(String table, String version, List<SsvcOption> options, String outcome) {

    /**
     * The decision points CISA's ADP publishes in CVE records: Mission and Well-Being is each
     * deployer's own, so the record leaves it out.
     */
    private static final Set<String> CISA_ADP_DECISION_POINTS =
            Set.of("Exploitation", "Automatable", "Technical Impact");

    public SsvcDecision {
        options = List.copyOf(options);
    }

    /** The value chosen for a decision point, ignoring case; null when the table has none. */
    public String valueOf(String decisionPoint) {
        return options.stream()
                .filter(option -> option.decisionPoint().equalsIgnoreCase(decisionPoint))
                .map(SsvcOption::value)
                .findFirst()
                .orElse(null);
    }

    /**
     * The decision in one line, as the audit trail and the CSAF note read it, e.g. {@code Act (CISA
     * Coordinator 2.0.3: Exploitation Active, Automatable Yes, ...)}.
     */
    public String summary() {
        return outcome
                + " ("
                + table
                + " "
                + version
                + ": "
                + options.stream()
                        .map(option -> option.decisionPoint() + " " + option.value())
                        .collect(Collectors.joining(", "))
                + ")";
    }

    /**
     * The {@code content} of a CVE record's {@code metrics[].other} of type {@code ssvc}, as CISA's
     * ADP writes it: the public decision points in lower case (Public PoC as {@code poc}), the
     * table as {@code role} and its version.
     */
    public CisaAdpContent cisaAdpContent(String cveId, Instant timestamp) {
        return new CisaAdpContent(
                timestamp.toString(),
                cveId,
                options.stream()
                        .filter(option -> CISA_ADP_DECISION_POINTS.contains(option.decisionPoint()))
                        .map(option -> Map.of(option.decisionPoint(), adpSpelling(option.value())))
                        .toList(),
                table,
                version);
    }

    private static String adpSpelling(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.equals("public poc") ? "poc" : lower;
    }

    /** The SSVC vector of a CVE record, field for field as CISA's ADP container holds it. */
    public record CisaAdpContent(
            String timestamp,
            String id,
            List<Map<String, String>> options,
            String role,
            String version) {}
}
