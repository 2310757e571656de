package dev.embargo.advisory.domain;

import dev.embargo.policy.model.DisclosurePolicy.AdvisoryNote;
import java.time.Instant;
import java.util.List;

/**
 * An advisory as the world may read it: the published revision's content with credits resolved, its
 * public revision history and its post-mortem. Pages, feeds and the hall of fame are drawn from
 * this snapshot; it is only ever written at publication. A withdrawn or superseded advisory (its
 * {@link Retraction}) and a rejected CVE record ({@link CveRejection}) stay in it, so that ids and
 * links keep working and say what happened.
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
        Retraction retraction,
        CveRejection cveRejection,

        /** The case's SSVC decision at publication; null when staff made none. */
        SsvcAssessment ssvc,

        /**
         * What partners stated about their own products, beside the team's product statuses ({@link
         * PartnerStatement#besideTeam}); published in the VEX documents.
         */
        List<PartnerStatement> partnerStatements,

        /**
         * When the program's CNA reserved the CVE id (the record's {@code dateReserved}); null
         * without a CVE id, or when another assigner reserved it.
         */
        Instant cveReservedAt,

        /**
         * The program's legal disclaimer for its advisories (a CSAF {@code legal_disclaimer} note);
         * null when its policy states none.
         */
        String legalDisclaimer,

        /** The program's further notes for its advisories (CSAF document notes). */
        List<AdvisoryNote> programNotes) {

    public PublishedAdvisory {
        revisionHistory = revisionHistory == null ? List.of() : List.copyOf(revisionHistory);
        partnerStatements = partnerStatements == null ? List.of() : List.copyOf(partnerStatements);
        programNotes = programNotes == null ? List.of() : List.copyOf(programNotes);
    }

    /**
     * An advisory that stands (neither taken back nor its CVE record rejected) and has no partner
     * statements.
     */
    public PublishedAdvisory(
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
            SsvcAssessment ssvc) {
        this(
                advisoryId,
                publicId,
                programSlug,
                programName,
                version,
                content,
                initialReleaseDate,
                currentReleaseDate,
                revisionHistory,
                earlyBreak,
                postMortem,
                url,
                null,
                null,
                ssvc,
                List.of(),
                null,
                null,
                List.of());
    }

    /** Whether there is a VEX statement: the team's or a partner's. */
    public boolean hasVexStatements() {
        return !content.productStatuses().isEmpty() || !partnerStatements.isEmpty();
    }

    /** The title feeds list: marked when the advisory was withdrawn or superseded. */
    public String listedTitle() {
        return retraction == null
                ? content.title()
                : "[" + retraction.label() + "] " + content.title();
    }

    /** The summary feeds list: the reason first when the advisory was taken back. */
    public String listedSummary() {
        return retraction == null
                ? content.summary()
                : retraction.revisionSummary() + " " + content.summary();
    }

    /** One public revision: its number (1 is the first publication), date and what changed. */
    public record RevisionNote(int number, Instant date, String summary) {}
}
