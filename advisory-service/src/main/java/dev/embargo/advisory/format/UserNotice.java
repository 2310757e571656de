package dev.embargo.advisory.format;

import dev.embargo.advisory.domain.AdvisoryContent;
import dev.embargo.advisory.domain.AdvisoryContent.AffectedProduct;
import java.util.List;

/**
 * The notice EU CRA Article 14(8) asks a manufacturer to give the users of an affected product,
 * drafted from the advisory: the vulnerability, what it affects and what users should do (the
 * corrective measures and, where no fix can be applied yet, the mitigations). Staff edit it before
 * sending it by whatever channel reaches their users; nothing here is sent.
 *
 * @param title the advisory's title
 * @param cveId the CVE ID, null without one
 * @param severity the severity, null when not rated
 * @param vulnerability what the vulnerability is and what it lets an attacker do
 * @param affectedProducts one line per affected product: its name and the versions
 * @param correctiveMeasures what users should do to be safe (the advisory's remediation)
 * @param mitigations what users can do until they can apply the fix, null without any
 */
public record UserNotice(
        String title,
        String cveId,
        String severity,
        String vulnerability,
        List<String> affectedProducts,
        String correctiveMeasures,
        String mitigations) {

    public static UserNotice of(AdvisoryContent content) {
        return new UserNotice(
                content.title(),
                content.cveId(),
                content.severity(),
                content.description() == null ? content.summary() : content.description(),
                content.affected().stream().map(UserNotice::line).toList(),
                content.remediation(),
                content.workarounds());
    }

    /** The notice as plain text, ready to paste into an email or a product's news page. */
    public String text() {
        StringBuilder text = new StringBuilder("Security notice: ").append(title);
        if (cveId != null) {
            text.append(" (").append(cveId).append(')');
        }
        text.append("\n\n");
        if (severity != null) {
            text.append("Severity: ").append(severity).append("\n\n");
        }
        section(text, "The vulnerability", vulnerability);
        section(
                text,
                "Affected products",
                affectedProducts.isEmpty() ? null : "- " + String.join("\n- ", affectedProducts));
        section(text, "What to do", correctiveMeasures);
        section(text, "Until you can update", mitigations);
        return text.toString().stripTrailing() + "\n";
    }

    private static void section(StringBuilder text, String heading, String body) {
        if (body != null && !body.isBlank()) {
            text.append(heading).append(":\n").append(body.strip()).append("\n\n");
        }
    }

    /** "moqtail-broker: from 0.3.0, fixed in 0.4.2". */
    private static String line(AffectedProduct affected) {
        StringBuilder line = new StringBuilder(affected.product());
        String versions =
                (affected.introduced() == null ? "" : "from " + affected.introduced())
                        + (affected.introduced() != null && affected.fixed() != null ? ", " : "")
                        + (affected.fixed() == null ? "" : "fixed in " + affected.fixed());
        if (!versions.isEmpty()) {
            line.append(": ").append(versions);
        }
        return line.toString();
    }
}
