package dev.embargo.advisory.service;

import dev.embargo.advisory.domain.Advisory;
import dev.embargo.advisory.domain.AdvisoryState;
import dev.embargo.advisory.domain.DocumentFormat;
import dev.embargo.advisory.domain.PublishedAdvisory;
import dev.embargo.advisory.repository.AdvisoryRepository;
import dev.embargo.advisory.repository.AdvisoryRevisionRepository;
import dev.embargo.kit.work.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What an advisory not yet public will look like once published, for staff: its current revision as
 * publication would snapshot it ({@link Publication#snapshot}) at the lift time (now, while none is
 * set), rendered by the publication renderers ({@link AdvisoryFormats}). Nothing is stored, signed
 * or sent; the public catalog never sees a preview.
 */
@ApplicationScoped
public class AdvisoryPreviews {

    private final AdvisoryRepository advisories;
    private final AdvisoryRevisionRepository revisions;
    private final Publication publication;
    private final AdvisoryFormats formats;

    AdvisoryPreviews(
            AdvisoryRepository advisories,
            AdvisoryRevisionRepository revisions,
            Publication publication,
            AdvisoryFormats formats) {
        this.advisories = advisories;
        this.revisions = revisions;
        this.publication = publication;
        this.formats = formats;
    }

    /**
     * The advisory in a format as it would be published. A published advisory has its public
     * documents instead ({@code 409}); content not ready for the public cannot be rendered ({@code
     * 422} naming what is missing, as scheduling would); a CVE record needs a CVE id.
     */
    public Uni<Preview> preview(UUID id, Format format, Predicate<String> visible) {
        return Transactions.inSession(
                        () ->
                                advisories
                                        .findById(id)
                                        .chain(
                                                advisory -> {
                                                    if (advisory == null
                                                            || !visible.test(
                                                                    advisory.programSlug)) {
                                                        throw AdvisoryProblems.notFound(
                                                                "No advisory " + id + ".");
                                                    }
                                                    if (advisory.state == AdvisoryState.PUBLISHED) {
                                                        throw AdvisoryProblems.conflict(
                                                                "advisory-published",
                                                                advisory.publicId
                                                                        + " is published: its"
                                                                        + " documents are public,"
                                                                        + " at its links.");
                                                    }
                                                    return revisions
                                                            .history(advisory.id)
                                                            .chain(
                                                                    history ->
                                                                            publication.snapshot(
                                                                                    advisory,
                                                                                    history,
                                                                                    releaseTime(
                                                                                            advisory)));
                                                }))
                .map(
                        snapshot -> {
                            var missing = ContentReadiness.missing(snapshot.content());
                            if (!missing.isEmpty()) {
                                throw AdvisoryProblems.incomplete(missing);
                            }
                            return new Preview(
                                    snapshot.publicId(),
                                    snapshot.version(),
                                    snapshot.currentReleaseDate(),
                                    format,
                                    render(snapshot, format));
                        });
    }

    /**
     * The document publication would store for this snapshot (the page the public page would show).
     */
    String render(PublishedAdvisory snapshot, Format format) {
        if (format == Format.HTML) {
            return formats.page().render(snapshot);
        }
        String document = formats.render(snapshot).get(format.document);
        if (document == null) {
            throw AdvisoryProblems.notFound(
                    format == Format.CVE
                            ? "No CVE record: " + snapshot.publicId() + " has no CVE id."
                            : "No VEX document: "
                                    + snapshot.publicId()
                                    + " has no product statuses, the team's or partners'.");
        }
        return document;
    }

    private static Instant releaseTime(Advisory advisory) {
        return advisory.liftAt != null
                ? advisory.liftAt.toInstant()
                : Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** The formats a preview comes in: the documents and the human page. */
    public enum Format {
        CSAF(DocumentFormat.CSAF, "application/json"),
        /** The CSAF VEX document. */
        VEX(DocumentFormat.CSAF_VEX, "application/json"),
        /** The CycloneDX VEX document. */
        CDX(DocumentFormat.CYCLONEDX_VEX, "application/vnd.cyclonedx+json; version=1.6"),
        OSV(DocumentFormat.OSV, "application/json"),
        CVE(DocumentFormat.CVE, "application/json"),
        HTML(null, "text/html;charset=UTF-8");

        private final DocumentFormat document;
        private final String mediaType;

        Format(DocumentFormat document, String mediaType) {
            this.document = document;
            this.mediaType = mediaType;
        }

        public String mediaType() {
            return mediaType;
        }

        /**
         * As written in URLs: {@code csaf}, {@code vex}, {@code cdx}, {@code osv}, {@code cve},
         * {@code html}.
         */
        public static Format fromString(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * A rendered preview.
     *
     * @param version the public version it would be published as
     * @param releasedAt the release date it carries: the lift time, or the time of the preview
     *     while none is set
     */
    public record Preview(
            String publicId, int version, Instant releasedAt, Format format, String content) {}
}
