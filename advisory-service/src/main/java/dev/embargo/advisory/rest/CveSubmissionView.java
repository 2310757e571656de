package dev.embargo.advisory.rest;

import dev.embargo.advisory.domain.CveSubmission;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One CVE record sent (or kept) for CVE Services: where it stands and CVE Services' last answer.
 *
 * @param status {@code pending}, {@code submitted}, {@code dry-run}, {@code not-configured} or
 *     {@code refused}
 */
public record CveSubmissionView(
        String cveId,
        String recordState,
        String status,
        int attempts,
        String lastError,
        Instant queuedAt,
        Instant submittedAt) {

    public static CveSubmissionView of(CveSubmission submission) {
        return new CveSubmissionView(
                submission.cveId,
                submission.recordState,
                submission.status.name().toLowerCase().replace('_', '-'),
                submission.attempts,
                submission.lastError,
                instant(submission.createdAt),
                instant(submission.submittedAt));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
