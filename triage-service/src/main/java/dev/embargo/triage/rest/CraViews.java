package dev.embargo.triage.rest;

import dev.embargo.triage.domain.CraNotificationContent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the EU CRA endpoints answer. */
public final class CraViews {

    private CraViews() {}

    /**
     * A case's CRA clock and notifications.
     *
     * @param trigger {@code actively_exploited} or {@code severe_incident}; null when no clock runs
     */
    public record OfCase(
            String trigger,
            Instant awareAt,
            Instant correctiveMeasureAt,
            String correctiveMeasure,
            List<Notification> notifications) {}

    /** One notification and where it stands. */
    public record Notification(
            String kind,
            String article,
            CraNotificationContent content,
            String draftedBy,
            Instant draftedAt,
            String editedBy,
            Instant editedAt,
            String reviewedBy,
            Instant reviewedAt,
            String submittedBy,
            Instant submittedAt,
            String submissionReference) {}

    /**
     * A notification as exported for the single reporting platform: the case's facts and the
     * Article 14 fields its kind asks for, labelled.
     */
    public record Export(
            String kind,
            String title,
            String article,
            String program,
            String trackingId,
            String cveId,
            String trigger,
            Instant awareAt,
            Instant correctiveMeasureAt,
            Map<String, String> fields,
            String reviewedBy,
            Instant reviewedAt,
            Instant submittedAt,
            String submissionReference) {

        /** The same as plain text, one "label: value" line each. */
        public String text() {
            StringBuilder text = new StringBuilder();
            text.append("EU Cyber Resilience Act, ")
                    .append(article)
                    .append(" — ")
                    .append(title)
                    .append("\n\n");
            line(text, "Program", program);
            line(text, "Case", trackingId);
            line(text, "CVE ID", cveId);
            line(text, "Trigger", trigger.replace('_', ' '));
            line(text, "Aware since", awareAt);
            line(text, "Corrective measure available", correctiveMeasureAt);
            text.append('\n');
            fields.forEach(
                    (label, value) -> line(text, label, value.isEmpty() ? "(not given)" : value));
            text.append('\n');
            line(text, "Reviewed by", reviewedBy);
            line(text, "Submitted", submittedAt);
            line(text, "Submission reference", submissionReference);
            return text.toString();
        }

        private static void line(StringBuilder text, String label, Object value) {
            if (value != null) {
                text.append(label).append(": ").append(value).append('\n');
            }
        }
    }
}
