package dev.embargo.advisory.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.embargo.advisory.domain.AdvisoryContent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the formats need to know about a CVSS vector: its version, the rating of its score and its
 * base metrics by the names FIRST's CVSS JSON schemas give them (which CSAF and CVE records use).
 */
public record Cvss(String vector, double score) {

    private static final Map<String, String> LOW_HIGH =
            Map.of("N", "NONE", "L", "LOW", "H", "HIGH");

    /** The CVSS 3.x base metrics: abbreviation → JSON name and value names. */
    private static final Map<String, Metric> VERSION_3 =
            metrics(
                    new Metric(
                            "AV",
                            "attackVector",
                            Map.of(
                                    "N", "NETWORK",
                                    "A", "ADJACENT_NETWORK",
                                    "L", "LOCAL",
                                    "P", "PHYSICAL")),
                    new Metric("AC", "attackComplexity", Map.of("L", "LOW", "H", "HIGH")),
                    new Metric("PR", "privilegesRequired", LOW_HIGH),
                    new Metric("UI", "userInteraction", Map.of("N", "NONE", "R", "REQUIRED")),
                    new Metric("S", "scope", Map.of("U", "UNCHANGED", "C", "CHANGED")),
                    new Metric("C", "confidentialityImpact", LOW_HIGH),
                    new Metric("I", "integrityImpact", LOW_HIGH),
                    new Metric("A", "availabilityImpact", LOW_HIGH));

    /** The CVSS 4.0 base metrics. */
    private static final Map<String, Metric> VERSION_4 =
            metrics(
                    new Metric(
                            "AV",
                            "attackVector",
                            Map.of("N", "NETWORK", "A", "ADJACENT", "L", "LOCAL", "P", "PHYSICAL")),
                    new Metric("AC", "attackComplexity", Map.of("L", "LOW", "H", "HIGH")),
                    new Metric("AT", "attackRequirements", Map.of("N", "NONE", "P", "PRESENT")),
                    new Metric("PR", "privilegesRequired", LOW_HIGH),
                    new Metric(
                            "UI",
                            "userInteraction",
                            Map.of("N", "NONE", "P", "PASSIVE", "A", "ACTIVE")),
                    new Metric("VC", "vulnConfidentialityImpact", LOW_HIGH),
                    new Metric("VI", "vulnIntegrityImpact", LOW_HIGH),
                    new Metric("VA", "vulnAvailabilityImpact", LOW_HIGH),
                    new Metric("SC", "subConfidentialityImpact", LOW_HIGH),
                    new Metric("SI", "subIntegrityImpact", LOW_HIGH),
                    new Metric("SA", "subAvailabilityImpact", LOW_HIGH));

    /**
     * The vector's CVSS version ({@code 3.0}, {@code 3.1} or {@code 4.0}); empty for anything else.
     */
    public Optional<String> version() {
        for (String version : new String[] {"3.0", "3.1", "4.0"}) {
            if (vector.startsWith("CVSS:" + version + "/")) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    public boolean isVersion3() {
        return version().filter(found -> found.startsWith("3.")).isPresent();
    }

    /** The qualitative rating of the score, as CVSS 3.x and 4.0 both define it. */
    public String baseSeverity() {
        if (score == 0.0) {
            return "NONE";
        }
        if (score < 4.0) {
            return "LOW";
        }
        if (score < 7.0) {
            return "MEDIUM";
        }
        return score < 9.0 ? "HIGH" : "CRITICAL";
    }

    /** The base metrics of the vector by their JSON names, e.g. {@code attackVector: NETWORK}. */
    public Map<String, String> baseMetrics() {
        Map<String, Metric> known = isVersion3() ? VERSION_3 : VERSION_4;
        Map<String, String> found = new LinkedHashMap<>();
        for (String part : vector.substring(vector.indexOf('/') + 1).split("/")) {
            String[] metric = part.split(":", 2);
            Metric named = known.get(metric[0]);
            if (named != null && metric.length == 2 && named.values().containsKey(metric[1])) {
                found.put(named.name(), named.values().get(metric[1]));
            }
        }
        return found;
    }

    /**
     * Writes the score as FIRST's CVSS JSON schema reads it: version, vector, base score and
     * severity, and the base metrics.
     */
    public ObjectNode writeTo(ObjectNode target) {
        target.put("version", version().orElseThrow())
                .put("vectorString", vector)
                .put("baseScore", score)
                .put("baseSeverity", baseSeverity());
        baseMetrics().forEach(target::put);
        return target;
    }

    /** The content's scores, CVSS 3.x before 4.0. */
    public static List<Cvss> of(AdvisoryContent content) {
        List<Cvss> scores = new ArrayList<>();
        of(content.cvssVector(), content.cvssScore()).ifPresent(scores::add);
        of(content.cvssV4Vector(), content.cvssV4Score()).ifPresent(scores::add);
        return scores.stream()
                .filter(cvss -> cvss.version().isPresent())
                .sorted((one, other) -> one.vector().compareTo(other.vector()))
                .toList();
    }

    /**
     * Where a severity named with one of CVSS's rating words ({@code low} ... {@code critical})
     * contradicts the rating of a score, one sentence per score; other severity names are the
     * program's own and contradict nothing.
     */
    public static List<String> contradictions(String severity, List<Cvss> scores) {
        if (severity == null
                || !List.of("none", "low", "medium", "high", "critical").contains(severity)) {
            return List.of();
        }
        return scores.stream()
                .filter(cvss -> !cvss.baseSeverity().equalsIgnoreCase(severity))
                .map(
                        cvss ->
                                "severity %s contradicts the CVSS %s score %s (%s)"
                                        .formatted(
                                                severity,
                                                cvss.version().orElseThrow(),
                                                cvss.score(),
                                                cvss.baseSeverity()))
                .toList();
    }

    /** A vector and its score, if both are given. */
    public static Optional<Cvss> of(String vector, Double score) {
        return vector == null || score == null
                ? Optional.empty()
                : Optional.of(new Cvss(vector, score));
    }

    private static Map<String, Metric> metrics(Metric... metrics) {
        Map<String, Metric> byAbbreviation = new LinkedHashMap<>();
        Stream.of(metrics).forEach(metric -> byAbbreviation.put(metric.abbreviation(), metric));
        return byAbbreviation;
    }

    private record Metric(String abbreviation, String name, Map<String, String> values) {}
}
