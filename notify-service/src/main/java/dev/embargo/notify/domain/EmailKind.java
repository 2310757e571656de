package dev.embargo.notify.domain;

/** Which email a delivery is: which template renders it, and its subject. */
public enum EmailKind {
    /** Tells a reporter that the security team received the report. */
    ACKNOWLEDGEMENT("acknowledgement", "We received your vulnerability report"),
    /** The update the policy owes a reporter at its cadence (seed 003: every 7 days). */
    STATUS_UPDATE("status-update", "Status update on your vulnerability report"),
    /** A message the security team wrote to the reporter. */
    TEAM_MESSAGE("team-message", "A message from the security team"),
    /** Warns the program's team that a promised step falls due soon. */
    DEADLINE_APPROACHING("deadline-approaching", "Deadline approaching"),
    /** Tells the program's team that a promised step is late. */
    DEADLINE_BREACHED("deadline-breached", "Deadline missed"),
    /** Tells a partner that notify stopped sending to one of its endpoints. */
    WEBHOOK_ENDPOINT_DISABLED("webhook-endpoint-disabled", "Embargo webhook endpoint disabled");

    private final String template;
    private final String subject;

    EmailKind(String template, String subject) {
        this.template = template;
        this.subject = subject;
    }

    /** Base name of the Qute templates under {@code templates/emails/} ({@code .txt} and {@code .html}). */
    public String template() {
        return template;
    }

    /**
     * The subject line: the tracking id and what happened, never the report's title, which is
     * secret; {@code about} (a step, for deadlines) is appended when given.
     */
    public String subject(String trackingId, String about) {
        return (trackingId == null ? "" : "[" + trackingId + "] ") + subject + (about == null ? "" : ": " + about);
    }
}
