package dev.embargo.intake.rest;

/**
 * The answer to a submission. {@code reporterToken} appears here once and never again: it is
 * the reporter's key to the status URL (send it as {@code Authorization: Bearer}).
 */
public record ReportReceipt(String trackingId, String status, String statusUrl, String reporterToken) {
}
