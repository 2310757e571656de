package dev.embargo.intake.service;

import dev.embargo.intake.domain.Report;

/**
 * A report intake accepted, with the reporter's token: the only moment the token exists in clear.
 */
public record AcceptedReport(Report report, String reporterToken) {}
