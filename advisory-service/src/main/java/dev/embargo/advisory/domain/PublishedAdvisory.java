package dev.embargo.advisory.domain;

import java.time.Instant;
import java.util.List;

/**
 * An advisory as the world may read it: the published revision's content with credits resolved, its
 * public revision history and its post-mortem. Pages, feeds and the hall of fame are drawn from
 * this snapshot; it is only ever written at publication.
 */
public record PublishedAdvisory(
        String advisoryId,
        String publicId,
        String programSlug,
        String programName,
        int version,
        AdvisoryContent content,
        Instant initialReleaseDate,
        Instant currentReleaseDate,
        List<RevisionNote> revisionHistory,
        boolean earlyBreak,
        PostMortem postMortem,
        String url,
        /** The case's SSVC decision at publication; null when staff made none. */
        SsvcAssessment ssvc) {

    public PublishedAdvisory {
        revisionHistory = revisionHistory == null ? List.of() : List.copyOf(revisionHistory);
    }

    /** One public revision: its number (1 is the first publication), date and what changed. */
    public record RevisionNote(int number, Instant date, String summary) {}
}
