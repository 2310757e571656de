package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;

/**
 * A researcher's report was accepted by intake ({@code report.submitted.v3}: v2 with the credit
 * name and affected version sealed, like the rest of the reporter's text, until an advisory
 * publishes the credit). Fields prefixed {@code sealed} carry ciphertext from the platform's
 * envelope keys: Kafka is not a vault.
 *
 * @param reportId the report's id (UUID), the event subject and record key
 * @param trackingId the human-readable id the reporter quotes, e.g. {@code EMB-2026-00042}
 * @param programSlug the program the report was sent to
 * @param programRevision the revision of the program's policy in force when the report arrived: it
 *     is judged under that one
 * @param sealedTitle the title, sealed
 * @param sealedDescription the description, sealed
 * @param sealedReporterEmail the reporter's email address, sealed; null when the reporter gave none
 * @param sealedCreditName how the reporter wants to be credited, sealed; null for no public credit
 * @param sealedAffectedVersion the version the reporter found the issue in, as they wrote it,
 *     sealed; null when not given
 * @param submittedAt when intake accepted the report
 * @param reportedScopeClass the program's scope class the reporter chose; null when none was chosen
 * @param reportedCvssVector the CVSS vector the reporter proposes; null when none (staff score the
 *     case)
 * @param creditPreference {@code name}, {@code handle} or {@code anonymous}; null when the reporter
 *     did not say
 */
public record ReportSubmitted(
        String reportId,
        String trackingId,
        String programSlug,
        int programRevision,
        String sealedTitle,
        String sealedDescription,
        String sealedReporterEmail,
        String sealedCreditName,
        String sealedAffectedVersion,
        Instant submittedAt,
        String reportedScopeClass,
        String reportedCvssVector,
        String creditPreference)
        implements EventPayload {

    @Override
    public String subject() {
        return reportId;
    }
}
