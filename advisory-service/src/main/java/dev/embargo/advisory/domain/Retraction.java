package dev.embargo.advisory.domain;

import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * A published advisory taken back: withdrawn (published in error) or superseded by another
 * advisory. The advisory stays public and every format says this, with the reason.
 *
 * @param kind withdrawn or superseded
 * @param reason staff's reason, published
 * @param successorId the public id of the advisory that replaces it; null when withdrawn
 * @param successorUrl the successor's page; null when withdrawn
 * @param date when it was published as taken back
 */
public record Retraction(
        Kind kind, String reason, String successorId, String successorUrl, Instant date) {

    public enum Kind {
        WITHDRAWN,
        SUPERSEDED
    }

    /**
     * The advisory's retraction, its successor's page from {@code pageOf}; null while it stands.
     */
    public static Retraction of(Advisory advisory, UnaryOperator<String> pageOf) {
        if (advisory.retraction == null) {
            return null;
        }
        return new Retraction(
                advisory.retraction,
                advisory.retractionReason,
                advisory.supersededBy,
                advisory.supersededBy == null ? null : pageOf.apply(advisory.supersededBy),
                advisory.retractedAt.toInstant());
    }

    /** How pages and feeds label the advisory, e.g. "Superseded by EMB-2026-0008". */
    public String label() {
        return kind == Kind.WITHDRAWN ? "Withdrawn" : "Superseded by " + successorId;
    }

    /** The revision-history line of the version that takes it back. */
    public String revisionSummary() {
        return label() + ": " + reason;
    }
}
