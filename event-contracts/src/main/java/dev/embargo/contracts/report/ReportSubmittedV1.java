package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;

/**
 * {@code report.submitted.v1}, as events already on the topic carry it: decoded, then read as the
 * current {@link ReportSubmitted} through {@link ReportSubmittedV2} (what the reporter could not
 * yet say is null).
 *
 * @param reportId the report's id (UUID), the event subject and record key
 * @param trackingId the human-readable id the reporter quotes, e.g. {@code EMB-2026-00042}
 * @param programSlug the program the report was sent to
 * @param programRevision the revision of the program's policy in force when the report arrived: it
 *     is judged under that one
 * @param sealedTitle the title, sealed
 * @param sealedDescription the description, sealed
 * @param sealedReporterEmail the reporter's email address, sealed; null when the reporter gave none
 * @param creditName how the reporter wants to be credited; null for no public credit
 * @param affectedVersion the version the reporter found the issue in, as they wrote it; null when
 *     not given
 * @param submittedAt when intake accepted the report
 */
public record ReportSubmittedV1(
        String reportId,
        String trackingId,
        String programSlug,
        int programRevision,
        String sealedTitle,
        String sealedDescription,
        String sealedReporterEmail,
        String creditName,
        String affectedVersion,
        Instant submittedAt)
        implements EventPayload {

    @Override
    public String subject() {
        return reportId;
    }

    @Override
    public ReportSubmitted current() {
        return new ReportSubmittedV2(
                        reportId,
                        trackingId,
                        programSlug,
                        programRevision,
                        sealedTitle,
                        sealedDescription,
                        sealedReporterEmail,
                        creditName,
                        affectedVersion,
                        submittedAt,
                        null,
                        null,
                        null)
                .current();
    }
}
