package dev.embargo.triage.rest;

/**
 * What the reporter wrote, opened for staff. Kept out of the case queue's summaries so a list of
 * cases never carries report texts; files stay with intake, at {@code attachments}.
 *
 * @param attachments intake's staff path listing the report's files
 */
public record ReportTextView(
        String trackingId, String title, String description, String attachments) {}
