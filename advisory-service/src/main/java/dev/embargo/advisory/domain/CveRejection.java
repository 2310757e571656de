package dev.embargo.advisory.domain;

import java.time.Instant;

/**
 * The advisory's CVE record was rejected: its CVE record is published as {@code REJECTED} with this
 * reason from then on.
 */
public record CveRejection(String reason, Instant date) {

    /** The rejection of the advisory's CVE record; null while it stands. */
    public static CveRejection of(Advisory advisory) {
        return advisory.cveRejectedAt == null
                ? null
                : new CveRejection(advisory.cveRejectionReason, advisory.cveRejectedAt.toInstant());
    }
}
