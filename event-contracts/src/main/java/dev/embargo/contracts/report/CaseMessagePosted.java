package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;

/**
 * The security team wrote to the reporter. Intake shows it on the report's status page and notify
 * emails it. The text may describe the vulnerability, so it travels sealed; the staff member's name
 * stays in triage's audit log, the reporter hears from "the security team".
 *
 * @param messageId triage's id of the message, so a redelivered event adds it once
 * @param sealedBody the message, sealed
 */
public record CaseMessagePosted(
        String reportId,
        String caseId,
        String trackingId,
        String programSlug,
        String messageId,
        String sealedBody,
        Instant postedAt)
        implements EventPayload {

    @Override
    public String subject() {
        return reportId;
    }
}
