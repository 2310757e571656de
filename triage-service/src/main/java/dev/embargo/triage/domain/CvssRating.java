package dev.embargo.triage.domain;

import java.util.Locale;

/**
 * FIRST's qualitative severity rating of a CVSS base score; CVSS 3.x and 4.0 share the bands. It
 * names the score's band only: the case's severity is its program's level.
 */
public enum CvssRating {
    NONE,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    public static CvssRating of(double baseScore) {
        if (baseScore >= 9.0) {
            return CRITICAL;
        }
        if (baseScore >= 7.0) {
            return HIGH;
        }
        if (baseScore >= 4.0) {
            return MEDIUM;
        }
        return baseScore > 0.0 ? LOW : NONE;
    }

    /** The lower-case name used on the wire, e.g. {@code critical}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
