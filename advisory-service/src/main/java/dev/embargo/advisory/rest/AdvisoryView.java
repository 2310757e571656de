package dev.embargo.advisory.rest;

import dev.embargo.advisory.domain.AdvisoryContent;
import dev.embargo.advisory.domain.CveRejection;
import dev.embargo.advisory.domain.PartnerStatement;
import dev.embargo.advisory.domain.PostMortem;
import dev.embargo.advisory.domain.Retraction;
import java.time.Instant;
import java.util.List;

/**
 * An advisory as staff see it.
 *
 * @param links the public URLs, once published (page, CSAF, OSV, CVE record, CSAF VEX); null before
 * @param retraction withdrawn or superseded after publication, with the reason; null while it
 *     stands
 * @param cveRejection why its CVE record was rejected; null while it stands
 * @param partnerStatements what partners told about their own products in answer to its
 *     pre-advisories (published in its VEX documents, except where the team states the product's
 *     status)
 * @param warnings what looks wrong in the content without stopping an edit, e.g. a severity that
 *     contradicts the CVSS score
 */
public record AdvisoryView(
        String id,
        String publicId,
        String program,
        String trackingId,
        String state,
        int revision,
        Instant liftAt,
        Instant publishedAt,
        boolean earlyBreak,
        AdvisoryContent content,
        PostMortem postMortem,
        boolean postMortemRequired,
        Instant postMortemDueAt,
        PublicUrls links,
        Retraction retraction,
        CveRejection cveRejection,
        List<PartnerStatement> partnerStatements,
        List<String> warnings) {

    /** The public URLs; the VEX documents only when there are VEX statements. */
    public record PublicUrls(
            String page,
            String csaf,
            String osv,
            String cve,
            String csafVex,
            String cycloneDxVex) {}
}
