package dev.embargo.triage.domain;

import java.util.Locale;

/** Where a case stands in the security team's workflow. The full lifecycle arrives with the triage workflow. */
public enum CaseState {
    /** Opened from a report, not yet acknowledged to the reporter. */
    NEW,
    /** The reporter has been told the report arrived. */
    ACKNOWLEDGED;

    /** The lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
