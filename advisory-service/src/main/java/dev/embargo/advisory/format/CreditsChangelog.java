package dev.embargo.advisory.format;

import dev.embargo.advisory.domain.AdvisoryContent;
import dev.embargo.advisory.domain.PublishedAdvisory;
import java.util.stream.Collectors;

/**
 * The lines a project pastes into its {@code CHANGELOG.md} for the release with the fix (seed 001
 * credits reporters there): a Markdown "Security" entry naming the advisory and thanking the
 * credited.
 */
public final class CreditsChangelog {

    private final PublicLinks links;

    public CreditsChangelog(PublicLinks links) {
        this.links = links;
    }

    public String render(PublishedAdvisory advisory) {
        AdvisoryContent content = advisory.content();
        StringBuilder markdown =
                new StringBuilder("### Security\n\n- ")
                        .append(oneLine(content.title()))
                        .append(" ([")
                        .append(advisory.publicId())
                        .append("](")
                        .append(links.page(advisory.publicId()))
                        .append(")");
        if (content.cveId() != null) {
            markdown.append(", ").append(content.cveId());
        }
        markdown.append(").");
        if (!content.credits().isEmpty()) {
            markdown.append(" Thanks to ")
                    .append(
                            content.credits().stream()
                                    .map(credit -> oneLine(credit.name()))
                                    .collect(Collectors.joining(", ")))
                    .append(".");
        }
        return markdown.append('\n').toString();
    }

    /** Markdown-inert on one line: a title must not start a list or a heading of its own. */
    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").replaceAll("([\\\\`*_\\[\\]<>#])", "\\\\$1").strip();
    }
}
