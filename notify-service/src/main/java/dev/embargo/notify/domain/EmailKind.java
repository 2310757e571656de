package dev.embargo.notify.domain;

/** Which email a delivery is, and so which template renders it. */
public enum EmailKind {
    /** Tells a reporter that the security team received the report. */
    ACKNOWLEDGEMENT("acknowledgement");

    private final String template;

    EmailKind(String template) {
        this.template = template;
    }

    /** Base name of the Qute templates under {@code templates/emails/} ({@code .txt} and {@code .html}). */
    public String template() {
        return template;
    }
}
