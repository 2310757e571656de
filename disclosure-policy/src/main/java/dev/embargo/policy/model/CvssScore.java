package dev.embargo.policy.model;

import us.springett.cvss.Cvss;

/**
 * A CVSS 3.0, 3.1 or 4.0 vector and its base score, computed by the maintained {@code
 * us.springett:cvss-calculator} library. CVSS 2 is refused: no seed asks for it.
 */
public record CvssScore(String vector, double baseScore) {

    public static CvssScore parse(String vector) {
        String trimmed = vector == null ? "" : vector.strip();
        if (!trimmed.startsWith("CVSS:3.0/")
                && !trimmed.startsWith("CVSS:3.1/")
                && !trimmed.startsWith("CVSS:4.0/")) {
            throw new IllegalArgumentException(
                    "a CVSS vector starts with CVSS:3.1/, CVSS:3.0/ or CVSS:4.0/");
        }
        Cvss cvss;
        try {
            cvss = Cvss.fromVector(trimmed);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a valid CVSS vector: " + e.getMessage(), e);
        }
        if (cvss == null) {
            throw new IllegalArgumentException("not a valid CVSS vector");
        }
        return new CvssScore(cvss.getVector(), cvss.calculateScore().getBaseScore());
    }
}
