package dev.embargo.intake.rest;

import java.time.Instant;
import java.util.List;

/** What a reporter sees of their report through the status URL, with its program's deadlines. */
public record ReportStatusView(
        String trackingId,
        String program,
        String title,
        String status,
        Instant submittedAt,
        Instant acknowledgedAt,
        /** The case's CVE ID once one is assigned (CVE CNA rules 4.3.3); null before. */
        String cveId,
        List<DeadlineView> deadlines,
        /** The conversation with the security team, oldest first. */
        List<MessageView> messages,
        /** The files the reporter sent, oldest first; download each at its url with the token. */
        List<AttachmentView> attachments,
        /** The reporter's escalations of late steps, oldest first. */
        List<EscalationView> escalations) {}
