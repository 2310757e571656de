package dev.embargo.policy.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Everything a program promises reporters and partners, and asks of them. */
public record DisclosurePolicy(
        Scope scope,
        ReportContents reportContents,
        List<SupportedVersion> supportedVersions,
        SeverityScheme severity,
        Deadlines deadlines,
        ExpeditedTrack expedited,
        ExtensionRules extensions,
        Calendar calendar,
        DisclosureTerms disclosure) {

    /** What the program answers for and what it does not. */
    public record Scope(List<ScopeClass> inScope, List<ScopeClass> outOfScope) {}

    /** A class of issue, with an id reporters choose when they submit. */
    public record ScopeClass(String id, String title, String description, List<String> examples) {}

    /**
     * What a report must contain and what it should; items are ids such as {@code reproduction} or
     * {@code cia-impact}.
     */
    public record ReportContents(List<String> required, List<String> recommended) {}

    /**
     * A row of the supported versions table.
     *
     * @param versions {@code main}, {@code 1.0.x}, {@code <1.0} or {@code *} for everything else
     * @param status the seed's own word, e.g. {@code active}, {@code pre-release}, {@code
     *     unsupported}
     * @param securityFixes whether reports against these versions are fixed
     */
    public record SupportedVersion(
            String versions, String status, boolean securityFixes, String notes) {}

    /**
     * Severity levels from most to least severe, by CVSS score band and/or by named description.
     */
    public record SeverityScheme(String basis, List<SeverityLevel> levels) {

        /**
         * The most severe level whose band the score reaches; empty for named-only schemes or a
         * score of 0.
         */
        public java.util.Optional<String> levelForScore(double cvssScore) {
            return levels.stream()
                    .filter(level -> level.minCvss() != null && cvssScore >= level.minCvss())
                    .map(SeverityLevel::name)
                    .findFirst();
        }

        public boolean hasLevel(String name) {
            return levels.stream().anyMatch(level -> level.name().equals(name));
        }

        /**
         * Whether {@code severity} is {@code minimum} or more severe; levels are listed most severe
         * first.
         */
        public boolean atLeast(String severity, String minimum) {
            List<String> names = levels.stream().map(SeverityLevel::name).toList();
            int rank = names.indexOf(severity);
            return rank >= 0 && rank <= names.indexOf(minimum);
        }
    }

    /**
     * One severity level.
     *
     * @param minCvss the lowest CVSS base score of the level; null for purely named levels
     */
    public record SeverityLevel(
            String name, Double minCvss, String description, List<String> examples) {}

    /**
     * The time the policy allows each step; a missing step has no deadline.
     *
     * @param fixBySeverity fix time per severity level name
     * @param fixWindow a fix range regardless of severity (seed 004's 7–30 days)
     */
    public record Deadlines(
            PolicyDuration acknowledgement,
            PolicyDuration triage,
            PolicyDuration statusUpdates,
            java.util.Map<String, PolicyDuration> fixBySeverity,
            DurationRange fixWindow,
            PolicyDuration preReleaseEmbargo,
            PolicyDuration disclosure,
            PostMortem postMortem) {}

    /** From {@code min} to {@code max}; the deadline is {@code max}. */
    public record DurationRange(PolicyDuration min, PolicyDuration max) {}

    /**
     * A post-mortem, due {@code within} after public release, for cases at or above {@code
     * minSeverity} (null: every case).
     */
    public record PostMortem(PolicyDuration within, String minSeverity) {

        /**
         * Whether a case of {@code severity} (null: not scored) owes a post-mortem under {@code
         * scheme}.
         */
        public boolean requiredFor(String severity, SeverityScheme scheme) {
            return minSeverity == null || severity != null && scheme.atLeast(severity, minSeverity);
        }
    }

    /** Shorter deadlines for cases that qualify (actively exploited, trivially exploitable). */
    public record ExpeditedTrack(List<String> when, Deadlines deadlines, String note) {}

    /** Whether a deadline may be extended, and on what condition. */
    public record ExtensionRules(boolean allowed, boolean reporterAgreementRequired, String note) {}

    /** The program's business days: its weekend and holidays, in its time zone. */
    public record Calendar(Set<DayOfWeek> weekend, Set<LocalDate> holidays) {}

    /**
     * Credit options ({@code named}, {@code handle}, {@code anonymous}, {@code hall-of-fame},
     * {@code changelog}), safe harbor text, and the partner groups pre-notified under embargo.
     */
    public record DisclosureTerms(
            List<String> credit, String safeHarbor, List<PartnerGroup> partnerGroups) {}

    /** Partners told before the public, for at most {@code maxEmbargo}. */
    public record PartnerGroup(String id, String description, PolicyDuration maxEmbargo) {}
}
