package dev.embargo.advisory.format;

import dev.embargo.advisory.domain.PublishedAdvisory;
import io.quarkus.qute.Template;

/**
 * The human page of an advisory ({@code templates/advisory.html}) with its links to the other
 * formats: the public page and staff's preview before the lift both render it here.
 */
public final class AdvisoryPage {

    private final Template template;
    private final PublicLinks links;

    public AdvisoryPage(Template template, PublicLinks links) {
        this.template = template;
        this.links = links;
    }

    public String render(PublishedAdvisory advisory) {
        return template.data("advisory", advisory)
                .data("csafUrl", links.csaf(advisory.publicId(), advisory.initialReleaseDate()))
                .data("osvUrl", links.osv(advisory.publicId()))
                .data(
                        "csafVexUrl",
                        advisory.hasVexStatements()
                                ? links.csafVex(advisory.publicId(), advisory.initialReleaseDate())
                                : null)
                .data(
                        "cycloneDxVexUrl",
                        advisory.hasVexStatements()
                                ? links.cycloneDxVex(advisory.publicId())
                                : null)
                .data(
                        "cveUrl",
                        advisory.content().cveId() == null ? null : links.cve(advisory.publicId()))
                .data("creditsUrl", links.credits(advisory.publicId()))
                .data(
                        "postMortemUrl",
                        advisory.postMortem() == null
                                ? null
                                : links.postMortem(advisory.publicId()))
                .data("feedUrl", links.programFeed(advisory.programSlug()))
                .render();
    }
}
