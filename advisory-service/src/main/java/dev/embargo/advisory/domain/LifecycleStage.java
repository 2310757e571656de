package dev.embargo.advisory.domain;

import java.util.Locale;

/** How far a report has come, as far as advisory has heard. */
public enum LifecycleStage {
    SUBMITTED,
    ACKNOWLEDGED;

    /** The lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
