package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;

/**
 * A case was found to report the same vulnerability as an earlier one ({@code
 * case.duplicate.marked.v2}: the credit name sealed). Its reporter keeps their credit: whoever
 * credits the original (the advisory) credits this reporter too.
 *
 * @param reportId the duplicate report's id, the event subject and record key
 * @param caseId the duplicate case
 * @param originalCaseId the case it duplicates
 * @param originalTrackingId the original's tracking id
 * @param sealedCreditName how the duplicate's reporter wants to be credited, sealed; null for
 *     anonymous
 */
public record CaseDuplicateMarked(
        String reportId,
        String caseId,
        String trackingId,
        String programSlug,
        String originalCaseId,
        String originalTrackingId,
        String sealedCreditName,
        String actor,
        Instant markedAt)
        implements EventPayload {

    @Override
    public String subject() {
        return reportId;
    }
}
