package dev.embargo.intake.domain;

/** Where a report stands, as far as its reporter is told. */
public enum ReportStatus {
    /** Accepted by intake, not yet acknowledged by the security team. */
    SUBMITTED,
    /** The security team opened a case and acknowledged the report. */
    ACKNOWLEDGED;

    /** The lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
