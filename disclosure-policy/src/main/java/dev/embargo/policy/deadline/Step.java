package dev.embargo.policy.deadline;

/** The steps of a case a policy can set a deadline for, in the order they happen. */
public enum Step {
    ACKNOWLEDGEMENT,
    TRIAGE,
    /** The first status update to the reporter; later ones follow at the same cadence. */
    STATUS_UPDATE,
    FIX,
    /** The earliest moment partners may be told under embargo, before disclosure. */
    PRE_RELEASE,
    DISCLOSURE,
    POST_MORTEM,
    /** The CVE Program's target: the CVE record should be public 24 hours after disclosure. */
    CVE_RECORD_TARGET,
    /** The CVE Program's limit: the CVE record must be public 72 hours after disclosure. */
    CVE_RECORD,
    /** EU CRA Article 14: the early warning to the CSIRT and ENISA. */
    CRA_EARLY_WARNING,
    /** EU CRA Article 14: the vulnerability (or incident) notification. */
    CRA_NOTIFICATION,
    /** EU CRA Article 14: the final report. */
    CRA_FINAL_REPORT;

    /** Whether a law or the CVE Program sets the step, not the program's policy. */
    public boolean regulatory() {
        return compareTo(CVE_RECORD_TARGET) >= 0;
    }
}
