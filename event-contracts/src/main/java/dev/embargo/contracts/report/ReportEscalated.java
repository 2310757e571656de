package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;

/**
 * The reporter escalated a promised step that is late. Triage records it on the case and flags the
 * case in the queue; notify tells the program's team. The message may describe the vulnerability,
 * so it travels sealed.
 *
 * @param escalationId intake's id of the escalation, so a redelivered event records it once
 * @param step the late step's wire name, e.g. {@code triage}
 * @param dueAt when the step was due
 * @param sealedMessage what the reporter wrote, sealed
 */
public record ReportEscalated(
        String reportId,
        String trackingId,
        String programSlug,
        String escalationId,
        String step,
        Instant dueAt,
        String sealedMessage,
        Instant receivedAt)
        implements EventPayload {

    @Override
    public String subject() {
        return reportId;
    }
}
