package dev.embargo.intake.mapping;

import static dev.embargo.intake.mapping.MarkdownText.line;
import static dev.embargo.intake.mapping.PolicyWords.amount;
import static dev.embargo.intake.mapping.PolicyWords.promise;

import dev.embargo.intake.config.IntakeConfig;
import dev.embargo.policy.model.DisclosurePolicy;
import dev.embargo.policy.model.DisclosurePolicy.Deadlines;
import dev.embargo.policy.model.DisclosurePolicy.PartnerGroup;
import dev.embargo.policy.model.DisclosurePolicy.SupportedVersion;
import dev.embargo.policy.model.PolicyDuration;
import dev.embargo.policy.model.Program;
import dev.embargo.policy.model.Promise;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A program's SECURITY.md, written from its policy so that the page and the policy never drift
 * apart. The program's own text is written as text ({@link MarkdownText}): a description holding
 * HTML or Markdown shows it, never runs or renders it. What the policy does not state is written
 * "not stated", never filled in.
 */
@ApplicationScoped
public class SecurityPolicyRenderer {

    private static final String NOT_STATED = "Not stated in the policy.";

    private final IntakeConfig config;

    SecurityPolicyRenderer(IntakeConfig config) {
        this.config = config;
    }

    public String render(Program program) {
        DisclosurePolicy policy = program.policy();
        StringBuilder md =
                new StringBuilder("# Security policy — ")
                        .append(line(program.name()))
                        .append("\n\n");
        if (program.description() != null) {
            md.append(MarkdownText.lines(program.description())).append("\n\n");
        }
        reporting(md, program);
        openPgp(md, program.openPgp());
        scope(md, policy.scope());
        reportContents(md, policy.reportContents());
        supportedVersions(md, policy.supportedVersions(), program.releases());
        md.append("## Timeline\n\n");
        timeline(md, policy.deadlines());
        if (policy.expedited() != null) {
            md.append("\nExpedited (")
                    .append(
                            policy.expedited().when().stream()
                                    .map(MarkdownText::line)
                                    .collect(Collectors.joining(", ")))
                    .append("):\n\n");
            timeline(md, policy.expedited().deadlines());
        }
        md.append('\n');
        calendar(md, program);
        extensions(md, policy.extensions());
        escalation(md, policy.escalation());
        severity(md, policy.severity());
        tracks(md, policy.tracks());
        disclosure(md, policy.disclosure());
        announcements(md, program.announcements());
        md.append("## CVE IDs\n\n").append(cve(program.cve())).append("\n\n");
        md.append("## Bug bounty\n\n").append(bugBounty(program.bugBounty())).append("\n\n");
        teams(md, program.teams());
        return md.toString();
    }

    private void reporting(StringBuilder md, Program program) {
        String base = config.publicUrl().replaceAll("/+$", "");
        String slug = line(program.slug());
        md.append(
                "## Reporting a vulnerability\n\n"
                        + "Please do not open public issues for vulnerabilities. Report"
                        + " privately:\n\n");
        for (Program.IntakeChannel channel : program.channels()) {
            String where =
                    switch (channel.type()) {
                        case "web" -> base + "/report/" + slug;
                        case "api" ->
                                "`POST "
                                        + base
                                        + "/api/v1/reports` with `\"program\": \""
                                        + slug
                                        + "\"`";
                        default ->
                                channel.address() != null
                                        ? line(channel.address())
                                        : channel.url() == null ? null : line(channel.url());
                    };
            if (where != null) {
                md.append("- ")
                        .append(channel.type().equals("api") ? "Embargo" : channelName(channel))
                        .append(": ")
                        .append(where)
                        .append(channel.note() == null ? "" : " (" + line(channel.note()) + ")")
                        .append(channel.preferred() ? " — preferred" : "")
                        .append('\n');
            }
        }
        for (Program.Contact contact : program.reportContacts()) {
            String reach = contact.email() != null ? contact.email() : contact.url();
            md.append("- Contact: ")
                    .append(contact.name() == null ? "" : line(contact.name()))
                    .append(contact.name() != null && reach != null ? ", " : "")
                    .append(reach == null ? "" : line(reach))
                    .append(contact.role() == null ? "" : " (" + line(contact.role()) + ")")
                    .append('\n');
        }
        md.append('\n');
    }

    private static String channelName(Program.IntakeChannel channel) {
        return PolicyWords.channel(channel.type());
    }

    private static void openPgp(StringBuilder md, Program.OpenPgp openPgp) {
        md.append("## Encryption\n\n");
        if (openPgp == null || !"published".equals(openPgp.status())) {
            md.append(
                            openPgp != null && "forthcoming".equals(openPgp.status())
                                    ? "The program has not published its OpenPGP key yet."
                                    : "The program publishes no OpenPGP key.")
                    .append("\n\n");
            return;
        }
        for (Program.Key key : openPgp.keys()) {
            md.append("- OpenPGP key `")
                    .append(PolicyWords.fingerprint(key.fingerprint()))
                    .append('`');
            if (key.uid() != null) {
                md.append(", ").append(line(key.uid()));
            }
            if (key.url() != null) {
                md.append(": ").append(line(key.url()));
            } else if (key.keyserver() != null) {
                md.append(": on ").append(line(key.keyserver()));
            }
            if (key.note() != null) {
                md.append(" (").append(line(key.note())).append(')');
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static void scope(StringBuilder md, DisclosurePolicy.Scope scope) {
        section(md, "In scope", scope.inScope());
        section(md, "Out of scope", scope.outOfScope());
        section(md, "Decided case by case", scope.caseByCase());
        if (!scope.elsewhere().isEmpty()) {
            md.append("## Report elsewhere\n\n");
            scope.elsewhere()
                    .forEach(
                            elsewhere ->
                                    md.append("- **")
                                            .append(line(elsewhere.title()))
                                            .append("**: report to ")
                                            .append(line(elsewhere.reportTo()))
                                            .append(
                                                    elsewhere.note() == null
                                                            ? ""
                                                            : " (" + line(elsewhere.note()) + ")")
                                            .append('\n'));
            md.append('\n');
        }
    }

    private static void section(
            StringBuilder md, String title, List<DisclosurePolicy.ScopeClass> classes) {
        if (classes.isEmpty()) {
            return;
        }
        md.append("## ").append(title).append("\n\n");
        classes.forEach(
                scope ->
                        md.append("- **")
                                .append(line(scope.title()))
                                .append("**")
                                .append(
                                        scope.description() == null
                                                ? ""
                                                : ": " + line(scope.description()))
                                .append('\n'));
        md.append('\n');
    }

    private static void reportContents(StringBuilder md, DisclosurePolicy.ReportContents contents) {
        if (contents == null) {
            return;
        }
        md.append("## What to include\n\n");
        list(md, "Required", contents.required());
        list(md, "Recommended", contents.recommended());
        contents.extraItems()
                .forEach(
                        item ->
                                md.append("- ")
                                        .append(line(item.text()))
                                        .append(item.required() ? " (required)" : " (optional)")
                                        .append('\n'));
        md.append('\n');
    }

    private static void list(StringBuilder md, String label, List<String> items) {
        if (!items.isEmpty()) {
            md.append("- ")
                    .append(label)
                    .append(": ")
                    .append(
                            items.stream()
                                    .map(MarkdownText::line)
                                    .collect(Collectors.joining(", ")))
                    .append('\n');
        }
    }

    private static void supportedVersions(
            StringBuilder md, List<SupportedVersion> rows, List<Program.Release> releases) {
        if (rows.isEmpty()) {
            return;
        }
        md.append(
                "## Supported versions\n\n"
                        + "| Versions | Status | Security fixes | End of life |\n"
                        + "|---|---|---|---|\n");
        rows.forEach(
                row ->
                        md.append("| ")
                                .append(
                                        row.rule() == null
                                                ? MarkdownText.codeInTable(row.versions())
                                                : rule(row))
                                .append(" | ")
                                .append(row.status() == null ? "" : line(row.status()))
                                .append(" | ")
                                .append(row.securityFixes() ? "yes" : "no")
                                .append(" | ")
                                .append(row.endOfLife() == null ? "" : row.endOfLife())
                                .append(" |\n"));
        md.append('\n');
        if (!releases.isEmpty()) {
            md.append("Releases: ")
                    .append(
                            releases.stream()
                                    .map(
                                            release ->
                                                    MarkdownText.codeInTable(release.version())
                                                            + (release.date() == null
                                                                    ? ""
                                                                    : " (" + release.date() + ")")
                                                            + (Boolean.TRUE.equals(release.lts())
                                                                    ? " LTS"
                                                                    : ""))
                                    .collect(Collectors.joining(", ")))
                    .append(".\n\n");
        }
    }

    /** A rule row of the supported versions table, in words. */
    private static String rule(SupportedVersion row) {
        int count = row.count() == null ? 1 : row.count();
        return switch (row.rule()) {
            case "latest-minor-series" ->
                    count == 1
                            ? "the latest minor series"
                            : "the " + count + " latest minor series";
            case "latest-major-series" ->
                    count == 1
                            ? "the latest major series"
                            : "the " + count + " latest major series";
            case "lts" -> "long-term-support releases";
            case "latest-release" -> "the latest release";
            default -> line(row.rule());
        };
    }

    private static void timeline(StringBuilder md, Deadlines deadlines) {
        promised(md, "Acknowledgement", deadlines.acknowledgement());
        promised(md, "Triage", deadlines.triage());
        promised(md, "Status updates every", deadlines.statusUpdates());
        byKey(md, "Fix", deadlines.fixBySeverity());
        byKey(md, "Fix, track", deadlines.fixByTrack());
        if (deadlines.fixWindow() != null) {
            md.append("- Fix: ")
                    .append(PolicyWords.within(deadlines.fixWindow().min()))
                    .append(" to ")
                    .append(PolicyWords.within(deadlines.fixWindow().max()))
                    .append('\n');
        }
        duration(md, "No public disclosure before", deadlines.minimumEmbargo(), " after arrival");
        duration(
                md,
                "Pre-release to partners, at most",
                deadlines.preReleaseEmbargo(),
                " before disclosure");
        if (deadlines.preAnnouncement() != null) {
            md.append("- Public pre-announcement: ")
                    .append(promise(deadlines.preAnnouncement()))
                    .append(" before disclosure\n");
        }
        promised(md, "Disclosure", deadlines.disclosure());
        byKey(md, "Disclosure", deadlines.disclosureBySeverity());
        byKey(md, "Disclosure, track", deadlines.disclosureByTrack());
        if (deadlines.postMortem() != null) {
            md.append("- Post-mortem after release")
                    .append(
                            deadlines.postMortem().minSeverity() == null
                                    ? ""
                                    : " ("
                                            + line(deadlines.postMortem().minSeverity())
                                            + " and above)")
                    .append(": ")
                    .append(PolicyWords.within(deadlines.postMortem().within()))
                    .append('\n');
        }
    }

    private static void promised(StringBuilder md, String label, Promise promise) {
        if (promise != null) {
            md.append("- ").append(label).append(": ").append(promise(promise)).append('\n');
        }
    }

    private static void byKey(StringBuilder md, String label, Map<String, Promise> promises) {
        if (promises != null) {
            promises.forEach(
                    (key, promise) -> promised(md, label + " (" + line(key) + ")", promise));
        }
    }

    private static void duration(
            StringBuilder md, String label, PolicyDuration duration, String relation) {
        if (duration != null) {
            md.append("- ")
                    .append(label)
                    .append(": ")
                    .append(
                            duration.isOpenEnded()
                                    ? PolicyWords.within(duration)
                                    : amount(duration))
                    .append(duration.isOpenEnded() ? "" : relation)
                    .append('\n');
        }
    }

    private static void calendar(StringBuilder md, Program program) {
        md.append(
                program.timeZone() == null
                        ? "Time zone: not stated in the policy; dates are counted in UTC.\n"
                        : "Dates are counted in the "
                                + program.timeZone().getId()
                                + " time zone.\n");
        DisclosurePolicy.Calendar calendar = program.policy().calendar();
        if (calendar != null && calendar.releaseTime() != null) {
            md.append("Releases and disclosures happen at ")
                    .append(calendar.releaseTime())
                    .append(" local time.\n");
        }
        if (calendar != null && !calendar.noReleaseOn().isEmpty()) {
            md.append("No releases on ")
                    .append(
                            calendar.noReleaseOn().stream()
                                    .sorted()
                                    .map(
                                            day ->
                                                    day.name().charAt(0)
                                                            + day.name()
                                                                    .substring(1)
                                                                    .toLowerCase(Locale.ROOT))
                                    .collect(Collectors.joining(", ")))
                    .append(": a disclosure due then comes earlier.\n");
        }
        md.append('\n');
    }

    private static void extensions(StringBuilder md, DisclosurePolicy.ExtensionRules rules) {
        md.append("Extensions: ");
        if (rules == null) {
            md.append("not stated in the policy; a deadline may be extended, with a reason.");
        } else if (!rules.allowed()) {
            md.append("deadlines are not extended.");
        } else {
            md.append("a deadline may be extended")
                    .append(
                            rules.reporterAgreementRequired()
                                    ? " with the reporter's agreement"
                                    : "")
                    .append('.')
                    .append(rules.note() == null ? "" : " " + line(rules.note()));
        }
        md.append("\n\n");
    }

    private static void escalation(StringBuilder md, DisclosurePolicy.Escalation escalation) {
        if (escalation == null) {
            return;
        }
        md.append("## If you get no answer\n\n")
                .append("After ")
                .append(amount(escalation.after()))
                .append(" without an answer, contact:\n\n");
        escalation
                .contacts()
                .forEach(
                        contact ->
                                md.append("- ")
                                        .append(contact.name() == null ? "" : line(contact.name()))
                                        .append(
                                                contact.email() == null
                                                        ? ""
                                                        : ", " + line(contact.email()))
                                        .append(
                                                contact.url() == null
                                                        ? ""
                                                        : ", " + line(contact.url()))
                                        .append('\n'));
        if (escalation.note() != null) {
            md.append('\n').append(MarkdownText.lines(escalation.note())).append('\n');
        }
        md.append('\n');
    }

    private static void severity(StringBuilder md, DisclosurePolicy.SeverityScheme scheme) {
        md.append("## Severity\n\n");
        if (scheme == null) {
            md.append("The policy uses no severity scale.\n\n");
            return;
        }
        scheme.levels()
                .forEach(
                        level ->
                                md.append("- **")
                                        .append(line(level.name()))
                                        .append("**")
                                        .append(
                                                level.minCvss() == null
                                                        ? ""
                                                        : " (CVSS ≥ " + level.minCvss() + ")")
                                        .append(
                                                level.description() == null
                                                        ? ""
                                                        : ": " + line(level.description()))
                                        .append(handling(level.release(), level.embargo()))
                                        .append('\n'));
        md.append('\n');
    }

    private static void tracks(StringBuilder md, List<DisclosurePolicy.Track> tracks) {
        if (tracks.isEmpty()) {
            return;
        }
        md.append("## Tracks\n\n");
        tracks.forEach(
                track ->
                        md.append("- **")
                                .append(line(track.title()))
                                .append("**")
                                .append(
                                        track.description() == null
                                                ? ""
                                                : ": " + line(track.description()))
                                .append(handling(track.release(), track.embargo()))
                                .append(
                                        track.when().isEmpty()
                                                ? ""
                                                : " When: "
                                                        + track.when().stream()
                                                                .map(MarkdownText::line)
                                                                .collect(Collectors.joining("; "))
                                                        + ".")
                                .append('\n'));
        md.append('\n');
    }

    /** " — fixed in public, no embargo."; nothing when the policy states neither. */
    private static String handling(String release, Boolean embargo) {
        if (release == null && embargo == null) {
            return "";
        }
        String vehicle = release == null ? "" : PolicyWords.release(release);
        String confidentiality = embargo == null ? "" : embargo ? "under embargo" : "no embargo";
        return " — "
                + vehicle
                + (vehicle.isEmpty() || confidentiality.isEmpty() ? "" : ", ")
                + confidentiality
                + ".";
    }

    private static void disclosure(StringBuilder md, DisclosurePolicy.DisclosureTerms terms) {
        md.append("## Disclosure and credit\n\nCredit: ");
        if (terms == null || terms.credit() == null) {
            md.append("not stated in the policy.\n");
        } else if (terms.credit().isEmpty()) {
            md.append("reporters are not credited.\n");
        } else {
            md.append(
                            terms.credit().stream()
                                    .map(MarkdownText::line)
                                    .collect(Collectors.joining(", ")))
                    .append(".\n");
        }
        if (terms == null) {
            md.append('\n');
            return;
        }
        if (terms.allReportsDisclosed() != null) {
            md.append(
                    terms.allReportsDisclosed()
                            ? "Every report is disclosed in the end.\n"
                            : "Not every report is disclosed.\n");
        }
        if (!terms.partnerGroups().isEmpty()) {
            md.append("\nPartners told before the public, under embargo:\n\n");
            terms.partnerGroups().forEach(group -> partnerGroup(md, group));
        }
        if (terms.safeHarbor() != null) {
            md.append("\n### Safe harbor\n\n")
                    .append(MarkdownText.lines(terms.safeHarbor()))
                    .append('\n');
        }
        md.append('\n');
    }

    private static void partnerGroup(StringBuilder md, PartnerGroup group) {
        md.append("- ")
                .append(line(group.description() == null ? group.id() : group.description()));
        if (group.maxEmbargo() != null) {
            md.append(", at most ").append(amount(group.maxEmbargo())).append(" before disclosure");
        }
        if (group.minEmbargo() != null) {
            md.append(", at least ")
                    .append(amount(group.minEmbargo()))
                    .append(" before disclosure");
        }
        if (!group.notices().isEmpty()) {
            md.append("; told ")
                    .append(
                            group.notices().stream()
                                    .map(
                                            notice ->
                                                    (notice.atLeast() ? "at least " : "")
                                                            + amount(notice.before())
                                                            + " before")
                                    .collect(Collectors.joining(" and again ")));
        }
        if (!group.except().isEmpty()) {
            md.append("; not told about ")
                    .append(
                            group.except().stream()
                                    .map(MarkdownText::line)
                                    .collect(Collectors.joining(", ")));
        }
        md.append('\n');
    }

    private static void announcements(StringBuilder md, List<Program.Announcement> announcements) {
        md.append("## Where fixes and advisories are announced\n\n");
        if (announcements.isEmpty()) {
            md.append(NOT_STATED).append("\n\n");
            return;
        }
        announcements.forEach(
                announcement ->
                        md.append("- ")
                                .append(PolicyWords.channel(announcement.type()))
                                .append(
                                        announcement.name() == null
                                                ? ""
                                                : ", " + line(announcement.name()))
                                .append(
                                        announcement.address() == null
                                                ? ""
                                                : ": " + line(announcement.address()))
                                .append(
                                        announcement.url() == null
                                                ? ""
                                                : ": " + line(announcement.url()))
                                .append(
                                        announcement.note() == null
                                                ? ""
                                                : " (" + line(announcement.note()) + ")")
                                .append('\n'));
        md.append('\n');
    }

    private static String cve(Program.CveRoute cve) {
        if (cve == null) {
            return NOT_STATED;
        }
        StringBuilder text = new StringBuilder(PolicyWords.cveRoute(cve.route()));
        if (cve.assigner() != null) {
            text.append(" (").append(line(cve.assigner())).append(')');
        }
        if (cve.cnaShortName() != null) {
            text.append(", CNA short name ").append(line(cve.cnaShortName()));
        }
        text.append('.');
        if (cve.everyAcceptedIssue() != null) {
            text.append(
                    cve.everyAcceptedIssue()
                            ? " Every accepted issue gets a CVE ID."
                            : " Not every accepted issue gets a CVE ID.");
        }
        if (cve.note() != null) {
            text.append(' ').append(line(cve.note()));
        }
        return text.toString();
    }

    private static String bugBounty(Program.BugBounty bounty) {
        if (bounty == null) {
            return NOT_STATED;
        }
        if (!"offered".equals(bounty.status())) {
            return "No bug bounty is offered."
                    + (bounty.note() == null ? "" : " " + line(bounty.note()));
        }
        return "A bug bounty is offered"
                + (bounty.platform() == null ? "" : " on " + PolicyWords.channel(bounty.platform()))
                + (bounty.url() == null ? "" : ": " + line(bounty.url()))
                + "."
                + (bounty.note() == null ? "" : " " + line(bounty.note()));
    }

    private static void teams(StringBuilder md, List<Program.Team> teams) {
        if (teams.isEmpty()) {
            return;
        }
        md.append("## Teams\n\n");
        teams.forEach(
                team ->
                        md.append("- **")
                                .append(line(team.name()))
                                .append("**")
                                .append(
                                        team.description() == null
                                                ? ""
                                                : ": " + line(team.description()))
                                .append(
                                        team.contact() == null
                                                ? ""
                                                : " Contact: " + line(team.contact()))
                                .append('\n'));
        md.append('\n');
    }
}
