package dev.embargo.advisory.format;

import java.util.Optional;

/** What the formats need to know about a CVSS vector: its version and the rating of its score. */
public record Cvss(String vector, double score) {

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

    /** The content's score, if it has a vector and a score. */
    public static Optional<Cvss> of(String vector, Double score) {
        return vector == null || score == null
                ? Optional.empty()
                : Optional.of(new Cvss(vector, score));
    }
}
