package dev.embargo.contracts.report;

import java.util.Locale;

/**
 * Where a report stands, as far as its reporter is told (intake's status page, notify's status
 * update emails): the case's state in triage, except that a case marked as spam is only "closed" to
 * whoever sent it.
 */
public enum ReportStatus {
    /** Accepted by intake, not yet acknowledged by the security team. */
    SUBMITTED,
    /** The security team opened a case and acknowledged the report. */
    ACKNOWLEDGED,
    TRIAGING,
    NEEDS_INFO,
    ACCEPTED,
    DUPLICATE,
    OUT_OF_SCOPE,
    WONT_FIX,
    FIXING,
    PRE_RELEASE,
    PUBLISHED,
    POST_MORTEM,
    CLOSED;

    /** The lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the reporter sees for a case state from triage. */
    public static ReportStatus forCaseState(String caseState) {
        if ("spam".equals(caseState) || "new".equals(caseState)) {
            return "spam".equals(caseState) ? CLOSED : SUBMITTED;
        }
        return valueOf(caseState.toUpperCase(Locale.ROOT));
    }
}
