package dev.embargo.contracts.advisory;

import dev.embargo.contracts.EventPayload;
import java.time.Instant;
import java.util.List;

/**
 * An advisory became public (at its lift time, or earlier by an audited early break), or a
 * published advisory got a new revision. Everything in it is public from now on, so nothing is
 * sealed.
 *
 * @param advisoryId the advisory's id, the event subject and record key
 * @param publicId the advisory's public identifier, e.g. {@code EMB-2026-0007}
 * @param programSlug the program it belongs to
 * @param revision 1 for the first publication, then one more per published revision
 * @param title the advisory's title
 * @param cveId the CVE id; null when none was assigned
 * @param severity the program's severity level; null when not scored
 * @param url the human advisory page
 * @param reportIds the reports the advisory answers (their reporters are told)
 * @param credits the credits as published (anonymity already respected)
 * @param earlyBreak true when published before the lift time by an early break
 * @param publishedAt when this revision became public
 */
public record AdvisoryPublished(
        String advisoryId,
        String publicId,
        String programSlug,
        int revision,
        String title,
        String cveId,
        String severity,
        String url,
        List<String> reportIds,
        List<String> credits,
        boolean earlyBreak,
        Instant publishedAt)
        implements EventPayload {

    public AdvisoryPublished {
        reportIds = reportIds == null ? List.of() : List.copyOf(reportIds);
        credits = credits == null ? List.of() : List.copyOf(credits);
    }

    @Override
    public String subject() {
        return advisoryId;
    }
}
