package dev.embargo.triage.rest;

/** Whether a case's audit chain verifies; {@code firstBrokenLine} (0-based) when it does not. */
public record AuditVerificationView(boolean intact, int lines, Integer firstBrokenLine) {}
