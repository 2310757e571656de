package dev.embargo.contracts.report;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;

/**
 * {@code case.duplicate.marked.v1}, as events already on the topic carry it: decoded, then read as
 * the current {@link CaseDuplicateMarked}. v1 sent the credit name plain; read as v2 it stands
 * plain in the sealed field, as {@link ReportSubmittedV2}'s do.
 *
 * @param reportId the duplicate report's id, the event subject and record key
 * @param caseId the duplicate case
 * @param originalCaseId the case it duplicates
 * @param originalTrackingId the original's tracking id
 * @param creditName how the duplicate's reporter wants to be credited; null for anonymous
 */
public record CaseDuplicateMarkedV1(
        String reportId,
        String caseId,
        String trackingId,
        String programSlug,
        String originalCaseId,
        String originalTrackingId,
        String creditName,
        String actor,
        Instant markedAt)
        implements EventPayload {

    @Override
    public String subject() {
        return reportId;
    }

    @Override
    public CaseDuplicateMarked current() {
        return new CaseDuplicateMarked(
                reportId,
                caseId,
                trackingId,
                programSlug,
                originalCaseId,
                originalTrackingId,
                creditName,
                actor,
                markedAt);
    }
}
