package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;

/**
 * {@code report.submitted.v2}, as events already on the topic carry it (v1 and the reporter's own
 * claims — scope class, CVSS vector, credit preference): decoded, then read as the current {@link
 * ReportSubmitted}. v2 sent the credit name and affected version in plain text; read as v3 they
 * stand plain in its sealed fields, which consumers therefore read with {@code
 * FieldCipher.openIfSealed} and store with {@code FieldCipher.sealIfPlain}.
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
 * @param reportedScopeClass the program's scope class the reporter chose; null when none was chosen
 * @param reportedCvssVector the CVSS vector the reporter proposes; null when none (staff score the
 *     case)
 * @param creditPreference {@code name}, {@code handle} or {@code anonymous}; null when the reporter
 *     did not say
 */
public record ReportSubmittedV2(
        String reportId,
        String trackingId,
        String programSlug,
        int programRevision,
        String sealedTitle,
        String sealedDescription,
        String sealedReporterEmail,
        String creditName,
        String affectedVersion,
        Instant submittedAt,
        String reportedScopeClass,
        String reportedCvssVector,
        String creditPreference)
        implements EventPayload {

    @Override
    public String subject() {
        return reportId;
    }

    @Override
    public ReportSubmitted current() {
        return new ReportSubmitted(
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
                reportedScopeClass,
                reportedCvssVector,
                creditPreference);
    }
}
