package dev.embargo.advisory.rest;

import dev.embargo.advisory.domain.AdvisoryContent;
import dev.embargo.advisory.domain.PostMortem;
import java.time.Instant;
import java.util.List;

/**
 * An advisory as staff see it.
 *
 * @param links the public URLs, once published (page, CSAF, OSV, CVE record, CSAF VEX); null before
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
        List<String> warnings) {

    public record PublicUrls(String page, String csaf, String osv, String cve, String csafVex) {}
}
