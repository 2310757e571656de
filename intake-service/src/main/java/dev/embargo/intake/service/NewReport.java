package dev.embargo.intake.service;

/** A report as the researcher wrote it, already validated for shape, before intake accepts it. */
public record NewReport(
        String program,
        String title,
        String description,
        String reporterEmail,
        String creditName,
        String affectedVersion,
        String scopeClass,
        String cvssVector,
        String creditPreference,
        String reporterPublicKey) {}
