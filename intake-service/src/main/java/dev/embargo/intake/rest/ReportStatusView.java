package dev.embargo.intake.rest;

import java.time.Instant;
import java.util.List;

/** What a reporter sees of their report through the status URL, with the dates its program's policy promises. */
public record ReportStatusView(
        String trackingId,
        String program,
        String title,
        String status,
        Instant submittedAt,
        Instant acknowledgedAt,
        List<PromisedDateView> promisedDates,
        /** The conversation with the security team, oldest first. */
        List<MessageView> messages,
        /** The files the reporter sent, oldest first; download each at its url with the token. */
        List<AttachmentView> attachments) {
}
