package dev.embargo.triage.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a vulnerability does to confidentiality, integrity and availability, each {@code high},
 * {@code low} or {@code none}: seed 004 asks reporters for it. Read from a CVSS vector (3.x: C/I/A;
 * 4.0: the vulnerable system's VC/VI/VA) or given by staff.
 */
public record CiaImpact(String confidentiality, String integrity, String availability) {

    public static final List<String> LEVELS = List.of("high", "low", "none");

    public CiaImpact {
        for (String level : new String[] {confidentiality, integrity, availability}) {
            if (!LEVELS.contains(level)) {
                throw new IllegalArgumentException("impact levels are high, low or none");
            }
        }
    }

    /** The impact a CVSS 3.x or 4.0 vector states; empty when it lacks one of the three metrics. */
    public static Optional<CiaImpact> fromVector(String vector) {
        Map<String, String> metrics = new HashMap<>();
        for (String part : vector.split("/")) {
            String[] metric = part.split(":", 2);
            if (metric.length == 2) {
                metrics.put(metric[0], metric[1]);
            }
        }
        boolean four = vector.startsWith("CVSS:4.0/");
        String c = level(metrics.get(four ? "VC" : "C"));
        String i = level(metrics.get(four ? "VI" : "I"));
        String a = level(metrics.get(four ? "VA" : "A"));
        return c == null || i == null || a == null
                ? Optional.empty()
                : Optional.of(new CiaImpact(c, i, a));
    }

    private static String level(String metric) {
        if (metric == null) {
            return null;
        }
        return switch (metric) {
            case "H" -> "high";
            case "L" -> "low";
            case "N" -> "none";
            default -> null;
        };
    }
}
