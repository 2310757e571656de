package dev.embargo.notify.domain;

/** Which email a delivery is: which template renders it, and its subject. */
public enum EmailKind {
    /**
     * Tells a reporter that the advisory for their report is public, with the credit it gives them.
     */
    ADVISORY_PUBLISHED("advisory-published", "The advisory for your report is published", true),
    /** Tells a reporter that the security team received the report. */
    ACKNOWLEDGEMENT("acknowledgement", "We received your vulnerability report", true),
    /**
     * Tells a reporter that the report moved to a state worth telling (accepted, fixing, published
     * ...).
     */
    STATUS_CHANGE("status-change", "Your vulnerability report's status changed", true),
    /** The update the policy owes a reporter at its cadence (seed 003: every 7 days). */
    STATUS_UPDATE("status-update", "Status update on your vulnerability report", true),
    /** Tells a reporter the CVE ID assigned to their report's case (CVE CNA rules 4.3.3). */
    CVE_ASSIGNED("cve-assigned", "A CVE ID was assigned to your report", true),
    /** A message the security team wrote to the reporter. */
    TEAM_MESSAGE("team-message", "A message from the security team", true),
    /** Tells the program's team that the reporter wrote (not what: that stays in the case). */
    REPORTER_MESSAGE("reporter-message", "New message from the reporter", false),
    /**
     * Tells the program's team that the reporter escalated a late step (not what they wrote: that
     * stays in the case).
     */
    REPORTER_ESCALATION("reporter-escalation", "The reporter escalated a late step", false),
    /** Warns the program's team that a promised step falls due soon. */
    DEADLINE_APPROACHING("deadline-approaching", "Deadline approaching", false),
    /** Tells the program's team that a promised step is late. */
    DEADLINE_BREACHED("deadline-breached", "Deadline missed", false),
    /**
     * An embargoed pre-advisory, the partner's own watermarked copy (TLP:AMBER; the subject names
     * only the program).
     */
    PRE_ADVISORY("pre-advisory", "Embargoed pre-advisory (TLP:AMBER)", false),
    /**
     * Tells a partner that a published advisory of a program it follows was withdrawn, superseded,
     * or its CVE record rejected (all public; the subject names the advisory and the change).
     */
    ADVISORY_CHANGED("advisory-changed", "Published advisory changed", false),
    /** Tells a partner holding a pre-advisory that its lift moved (no embargoed content). */
    PRE_ADVISORY_LIFT_MOVED(
            "pre-advisory-lift-moved", "The embargo of a pre-advisory lifts at a new time", false),
    /**
     * Warns a program's team, once per lift time, that partners told of an advisory are not ready
     * for its lift.
     */
    PARTNERS_NOT_READY("partners-not-ready", "Partners not ready for the lift", false),
    /** Tells a partner that notify stopped sending to one of its endpoints. */
    WEBHOOK_ENDPOINT_DISABLED(
            "webhook-endpoint-disabled", "Embargo webhook endpoint disabled", false);

    private final String template;
    private final String subject;
    private final boolean toReporter;

    EmailKind(String template, String subject, boolean toReporter) {
        this.template = template;
        this.subject = subject;
        this.toReporter = toReporter;
    }

    /**
     * Written to a reporter on the program's behalf: signed with its name, replies go to its team.
     */
    public boolean toReporter() {
        return toReporter;
    }

    /**
     * Base name of the Qute templates under {@code templates/emails/} ({@code .txt} and {@code
     * .html}).
     */
    public String template() {
        return template;
    }

    /**
     * The subject line: the tracking id and what happened, never the report's title, which is
     * secret; {@code about} (a step, for deadlines) is appended when given.
     */
    public String subject(String trackingId, String about) {
        return (trackingId == null ? "" : "[" + trackingId + "] ")
                + subject
                + (about == null ? "" : ": " + about);
    }
}
