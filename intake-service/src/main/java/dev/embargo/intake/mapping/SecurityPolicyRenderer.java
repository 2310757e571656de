package dev.embargo.intake.mapping;

import dev.embargo.intake.config.IntakeConfig;
import dev.embargo.policy.model.DisclosurePolicy;
import dev.embargo.policy.model.DisclosurePolicy.Deadlines;
import dev.embargo.policy.model.PolicyDuration;
import dev.embargo.policy.model.Program;
import dev.embargo.policy.model.Promise;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * A program's SECURITY.md, written from its policy so that the page and the policy never drift
 * apart. The program's own text is written as text ({@link MarkdownText}): a description holding
 * HTML or Markdown shows it, never runs or renders it.
 */
@ApplicationScoped
public class SecurityPolicyRenderer {

    private final IntakeConfig config;

    SecurityPolicyRenderer(IntakeConfig config) {
        this.config = config;
    }

    public String render(Program program) {
        DisclosurePolicy policy = program.policy();
        String slug = MarkdownText.line(program.slug());
        StringBuilder md =
                new StringBuilder("# Security policy — ")
                        .append(MarkdownText.line(program.name()))
                        .append("\n\n");
        if (program.description() != null) {
            md.append(MarkdownText.lines(program.description())).append("\n\n");
        }
        md.append(
                "## Reporting a vulnerability\n\n"
                        + "Please do not open public issues for vulnerabilities. Report"
                        + " privately:\n\n");
        md.append("- Web form: ")
                .append(config.publicUrl().replaceAll("/+$", ""))
                .append("/report/")
                .append(slug)
                .append('\n');
        md.append("- Embargo: `POST ")
                .append(config.publicUrl().replaceAll("/+$", ""))
                .append("/api/v1/reports` with `\"program\": \"")
                .append(slug)
                .append("\"`\n");
        for (Program.IntakeChannel channel : program.channels()) {
            String where = channel.address() != null ? channel.address() : channel.url();
            if (where != null) {
                md.append("- ")
                        .append(channel.type())
                        .append(": ")
                        .append(MarkdownText.line(where))
                        .append(
                                channel.note() == null
                                        ? ""
                                        : " (" + MarkdownText.line(channel.note()) + ")")
                        .append('\n');
            }
        }
        md.append("- OpenPGP key: ").append(program.openPgp().status()).append("\n\n");
        section(md, "In scope", policy.scope().inScope());
        section(md, "Out of scope", policy.scope().outOfScope());
        if (policy.reportContents() != null) {
            md.append("## What to include\n\n");
            list(md, "Required", policy.reportContents().required());
            list(md, "Recommended", policy.reportContents().recommended());
            md.append('\n');
        }
        if (policy.supportedVersions() != null && !policy.supportedVersions().isEmpty()) {
            md.append(
                    "## Supported versions\n\n"
                            + "| Versions | Status | Security fixes |\n"
                            + "|---|---|---|\n");
            policy.supportedVersions()
                    .forEach(
                            row ->
                                    md.append("| ")
                                            .append(MarkdownText.codeInTable(row.versions()))
                                            .append(" | ")
                                            .append(
                                                    row.status() == null
                                                            ? ""
                                                            : MarkdownText.line(row.status()))
                                            .append(" | ")
                                            .append(row.securityFixes() ? "yes" : "no")
                                            .append(" |\n"));
            md.append('\n');
        }
        md.append("## Timeline\n\n");
        timeline(md, policy.deadlines());
        if (policy.expedited() != null) {
            md.append("\nExpedited (")
                    .append(String.join(", ", policy.expedited().when()))
                    .append("):\n\n");
            timeline(md, policy.expedited().deadlines());
        }
        md.append("\n## Severity\n\n");
        policy.severity()
                .levels()
                .forEach(
                        level ->
                                md.append("- **")
                                        .append(MarkdownText.line(level.name()))
                                        .append("**")
                                        .append(
                                                level.minCvss() == null
                                                        ? ""
                                                        : " (CVSS ≥ " + level.minCvss() + ")")
                                        .append(
                                                level.description() == null
                                                        ? ""
                                                        : ": "
                                                                + MarkdownText.line(
                                                                        level.description()))
                                        .append('\n'));
        md.append("\n## Disclosure and credit\n\nCredit: ")
                .append(String.join(", ", policy.disclosure().credit()))
                .append(".\n");
        if (policy.disclosure().safeHarbor() != null) {
            md.append("\n### Safe harbor\n\n")
                    .append(MarkdownText.lines(policy.disclosure().safeHarbor()))
                    .append('\n');
        }
        return md.toString();
    }

    private static void section(
            StringBuilder md, String title, List<DisclosurePolicy.ScopeClass> classes) {
        if (classes == null || classes.isEmpty()) {
            return;
        }
        md.append("## ").append(title).append("\n\n");
        classes.forEach(
                scope ->
                        md.append("- **")
                                .append(MarkdownText.line(scope.title()))
                                .append("**")
                                .append(
                                        scope.description() == null
                                                ? ""
                                                : ": " + MarkdownText.line(scope.description()))
                                .append('\n'));
        md.append('\n');
    }

    private static void list(StringBuilder md, String label, List<String> items) {
        if (items != null && !items.isEmpty()) {
            md.append("- ")
                    .append(label)
                    .append(": ")
                    .append(String.join(", ", items))
                    .append('\n');
        }
    }

    private static void timeline(StringBuilder md, Deadlines deadlines) {
        line(md, "Acknowledgement", deadlines.acknowledgement());
        line(md, "Triage", deadlines.triage());
        line(md, "Status updates every", deadlines.statusUpdates());
        if (deadlines.fixBySeverity() != null) {
            for (Map.Entry<String, Promise> fix : deadlines.fixBySeverity().entrySet()) {
                line(md, "Fix (" + fix.getKey() + ")", fix.getValue());
            }
        }
        if (deadlines.fixWindow() != null) {
            md.append("- Fix: ")
                    .append(words(deadlines.fixWindow().min()))
                    .append(" to ")
                    .append(words(deadlines.fixWindow().max()))
                    .append('\n');
        }
        line(md, "Pre-release to partners, at most", deadlines.preReleaseEmbargo());
        line(md, "Disclosure", deadlines.disclosure());
        if (deadlines.postMortem() != null) {
            line(
                    md,
                    "Post-mortem after release"
                            + (deadlines.postMortem().minSeverity() == null
                                    ? ""
                                    : " (" + deadlines.postMortem().minSeverity() + " and above)"),
                    deadlines.postMortem().within());
        }
    }

    private static void line(StringBuilder md, String label, Promise promise) {
        if (promise != null) {
            md.append("- ")
                    .append(label)
                    .append(": ")
                    .append(promise.plain() ? words(promise.within()) : promise.toString())
                    .append('\n');
        }
    }

    private static void line(StringBuilder md, String label, PolicyDuration duration) {
        if (duration != null) {
            md.append("- ").append(label).append(": ").append(words(duration)).append('\n');
        }
    }

    /** "3bd" as "within 3 business days", and so on. */
    static String words(PolicyDuration duration) {
        return switch (duration.unit()) {
            case HOURS -> "within " + duration.amount() + " hours";
            case CALENDAR_DAYS -> "within " + duration.amount() + " days";
            case BUSINESS_DAYS -> "within " + duration.amount() + " business days";
            case WEEKS ->
                    "within " + duration.amount() + (duration.amount() == 1 ? " week" : " weeks");
            case NEXT_RELEASE -> "with the next release";
            case BEST_EFFORT -> "best effort, no fixed time";
            case ASAP -> "as soon as possible";
        };
    }
}
