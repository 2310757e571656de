package dev.embargo.policy.model;

import static dev.embargo.policy.model.Program.listOrEmpty;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a program promises reporters and partners, and asks of them. A null part means the
 * policy does not say: no severity scale, no extension rules, no stated disclosure terms.
 *
 * @param severity the severity scale; null for a policy that has none
 * @param tracks handling classes that are not severities (public, private, urgent)
 * @param extensions null when the policy is silent: extensions are then possible, with a reason
 * @param escalation whom a reporter turns to when the program does not answer
 */
public record DisclosurePolicy(
        Scope scope,
        ReportContents reportContents,
        List<SupportedVersion> supportedVersions,
        SeverityScheme severity,
        List<Track> tracks,
        Deadlines deadlines,
        ExpeditedTrack expedited,
        ExtensionRules extensions,
        Calendar calendar,
        DisclosureTerms disclosure,
        Escalation escalation) {

    public DisclosurePolicy {
        supportedVersions = listOrEmpty(supportedVersions);
        tracks = listOrEmpty(tracks);
    }

    /** The track of this id; empty when the policy has none such. */
    public Optional<Track> track(String id) {
        return tracks.stream().filter(track -> track.id().equals(id)).findFirst();
    }

    /**
     * What the program answers for, what it does not, what it decides case by case, and what
     * belongs to someone else.
     */
    public record Scope(
            List<ScopeClass> inScope,
            List<ScopeClass> outOfScope,
            List<ScopeClass> caseByCase,
            List<ElsewhereClass> elsewhere) {

        public Scope {
            inScope = listOrEmpty(inScope);
            outOfScope = listOrEmpty(outOfScope);
            caseByCase = listOrEmpty(caseByCase);
            elsewhere = listOrEmpty(elsewhere);
        }
    }

    /** A class of issue, with an id reporters choose when they submit. */
    public record ScopeClass(String id, String title, String description, List<String> examples) {}

    /**
     * Issues that belong to another project or team ("report this elsewhere").
     *
     * @param reportTo where to send them: a URL or an e-mail address
     */
    public record ElsewhereClass(String id, String title, String reportTo, String note) {}

    /**
     * What a report must contain and what it should: fixed ids such as {@code reproduction} or
     * {@code cia-impact}, and the policy's own items in its own words.
     */
    public record ReportContents(
            List<String> required, List<String> recommended, List<ExtraItem> extraItems) {

        public ReportContents {
            required = listOrEmpty(required);
            recommended = listOrEmpty(recommended);
            extraItems = listOrEmpty(extraItems);
        }
    }

    /** A report item the fixed list lacks, e.g. "your affiliation" or "plain text only". */
    public record ExtraItem(String id, String text, boolean required) {}

    /**
     * A row of the supported versions table: either named versions or a rule evaluated against the
     * program's release list.
     *
     * @param versions {@code main}, {@code 1.0.x}, {@code <1.0} or {@code *} for everything else;
     *     null in a rule row
     * @param rule {@code latest-minor-series}, {@code latest-major-series}, {@code lts} or {@code
     *     latest-release}; null in a versions row
     * @param count how many of the latest series a series rule covers (1 when not given)
     * @param status the policy's own word, e.g. {@code active}, {@code pre-release}, {@code
     *     unsupported}
     * @param securityFixes whether reports against these versions are fixed; true in a rule row
     * @param endOfLife after this day the row no longer counts a version as supported
     */
    public record SupportedVersion(
            String versions,
            String rule,
            Integer count,
            String status,
            boolean securityFixes,
            String notes,
            LocalDate endOfLife) {

        /** A versions row as version 1 files write it. */
        public SupportedVersion(
                String versions, String status, boolean securityFixes, String notes) {
            this(versions, null, null, status, securityFixes, notes, null);
        }

        @JsonCreator
        static SupportedVersion of(
                @JsonProperty("versions") String versions,
                @JsonProperty("rule") String rule,
                @JsonProperty("count") Integer count,
                @JsonProperty("status") String status,
                @JsonProperty("securityFixes") Boolean securityFixes,
                @JsonProperty("notes") String notes,
                @JsonProperty("endOfLife") LocalDate endOfLife) {
            // A rule names what is supported; only a versions row may say "no fixes".
            return new SupportedVersion(
                    versions,
                    rule,
                    count,
                    status,
                    securityFixes == null ? rule != null : securityFixes,
                    notes,
                    endOfLife);
        }
    }

    /**
     * Severity levels from most to least severe, by CVSS score band and/or by named description.
     */
    public record SeverityScheme(String basis, List<SeverityLevel> levels) {

        /**
         * The most severe level whose band the score reaches; empty for named-only schemes or a
         * score of 0.
         */
        public Optional<String> levelForScore(double cvssScore) {
            return levels.stream()
                    .filter(level -> level.minCvss() != null && cvssScore >= level.minCvss())
                    .map(SeverityLevel::name)
                    .findFirst();
        }

        public boolean hasLevel(String name) {
            return levels.stream().anyMatch(level -> level.name().equals(name));
        }

        /** The level of this name; empty when the scheme has none such. */
        public Optional<SeverityLevel> level(String name) {
            return levels.stream().filter(level -> level.name().equals(name)).findFirst();
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
     * @param release how a fix at this level ships (see {@link Track#release()}); null: not stated
     * @param embargo whether it is fixed under embargo; false: fixed in public; null: not stated
     */
    public record SeverityLevel(
            String name,
            Double minCvss,
            String description,
            List<String> examples,
            String release,
            Boolean embargo) {

        /** A level as version 1 files write it. */
        public SeverityLevel(
                String name, Double minCvss, String description, List<String> examples) {
            this(name, minCvss, description, examples, null, null);
        }
    }

    /**
     * A handling class that is not a severity, e.g. the public, private and urgent tracks of a
     * policy that decides by them whether a fix is made in public or released out of band.
     *
     * @param release {@code fixed-in-public}, {@code next-scheduled-release}, {@code
     *     out-of-band-release} or {@code no-advisory}
     * @param embargo whether cases on this track are kept confidential until disclosure
     * @param when the policy's own words for which cases go on this track
     */
    public record Track(
            String id,
            String title,
            String description,
            String release,
            boolean embargo,
            List<String> when) {

        public Track {
            when = listOrEmpty(when);
        }
    }

    /**
     * The time the policy allows each step; a missing step has no deadline.
     *
     * @param fixBySeverity fix time per severity level name
     * @param fixByTrack fix time per track id
     * @param fixWindow a fix range regardless of severity (seed 004's 7–30 days)
     * @param preReleaseEmbargo how long before disclosure partners may be told, at most
     * @param disclosureBySeverity disclosure time per severity level, before {@code disclosure}
     * @param disclosureByTrack disclosure time per track id, before {@code disclosureBySeverity}
     * @param minimumEmbargo no public disclosure before this time after arrival
     * @param preAnnouncement a public notice that a fix is coming, counted back from disclosure:
     *     due {@code atLeast} before it (or {@code within} when no minimum is stated), and not
     *     earlier than {@code within} before it when both are stated ("3 to 7 days before")
     * @param preAnnouncementByTrack the pre-announcement per track id, before {@code
     *     preAnnouncement}; a track it does not list has none unless {@code preAnnouncement} is set
     */
    public record Deadlines(
            Promise acknowledgement,
            Promise triage,
            Promise statusUpdates,
            Map<String, Promise> fixBySeverity,
            Map<String, Promise> fixByTrack,
            DurationRange fixWindow,
            PolicyDuration preReleaseEmbargo,
            Promise disclosure,
            Map<String, Promise> disclosureBySeverity,
            Map<String, Promise> disclosureByTrack,
            PolicyDuration minimumEmbargo,
            Promise preAnnouncement,
            Map<String, Promise> preAnnouncementByTrack,
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
            return minSeverity == null
                    || severity != null && scheme != null && scheme.atLeast(severity, minSeverity);
        }
    }

    /**
     * Shorter deadlines for cases that qualify: {@code actively-exploited}, {@code
     * trivially-exploitable}, or {@code already-public} (a report that is public already).
     */
    public record ExpeditedTrack(List<String> when, Deadlines deadlines, String note) {}

    /**
     * Whether a deadline may be extended, and on what condition.
     *
     * @param maximum the most one extension may add to a step (the Linux kernel's "exceptional
     *     extension to 14 calendar days" of a 7-day embargo: 7d); null: the policy sets no limit
     */
    public record ExtensionRules(
            boolean allowed,
            boolean reporterAgreementRequired,
            PolicyDuration maximum,
            String note) {

        /** Rules as version 1 files write them: no maximum. */
        public ExtensionRules(boolean allowed, boolean reporterAgreementRequired, String note) {
            this(allowed, reporterAgreementRequired, null, note);
        }
    }

    /**
     * The program's business days (its weekend and holidays, in its time zone) and when it
     * releases.
     *
     * @param releaseTime the local time of day releases and disclosures happen; null: any time
     * @param noReleaseOn weekdays with no release: a disclosure due then moves earlier
     */
    public record Calendar(
            Set<DayOfWeek> weekend,
            Set<LocalDate> holidays,
            @JsonFormat(pattern = "HH:mm") LocalTime releaseTime,
            Set<DayOfWeek> noReleaseOn) {

        /** A calendar as version 1 files write it. */
        public Calendar(Set<DayOfWeek> weekend, Set<LocalDate> holidays) {
            this(weekend, holidays, null, null);
        }

        public Calendar {
            noReleaseOn = noReleaseOn == null ? Set.of() : Set.copyOf(noReleaseOn);
        }
    }

    /**
     * Credit, safe harbor text, the advisories' legal disclaimer, and the partner groups
     * pre-notified under embargo.
     *
     * @param credit {@code named}, {@code handle}, {@code anonymous}, {@code hall-of-fame}, {@code
     *     changelog}, {@code advisory}; null when the policy does not mention credit, distinct from
     *     an empty list ("no credit")
     * @param allReportsDisclosed whether every report is made public eventually; null: not stated
     * @param legalDisclaimer the terms every published advisory carries (a CSAF {@code
     *     legal_disclaimer} note); null: the program's advisories state none
     * @param advisoryNotes further notes every published advisory carries (CSAF document notes)
     */
    public record DisclosureTerms(
            List<String> credit,
            Boolean allReportsDisclosed,
            String safeHarbor,
            String legalDisclaimer,
            List<AdvisoryNote> advisoryNotes,
            List<PartnerGroup> partnerGroups) {

        public DisclosureTerms {
            credit = credit == null ? null : List.copyOf(credit);
            advisoryNotes = listOrEmpty(advisoryNotes);
            partnerGroups = listOrEmpty(partnerGroups);
        }
    }

    /**
     * A note the program puts in every advisory it publishes, written as a CSAF document note.
     *
     * @param category its CSAF 2.0 note category: {@code description}, {@code details}, {@code
     *     faq}, {@code general}, {@code other} or {@code summary}
     */
    public record AdvisoryNote(String category, String title, String text) {}

    /**
     * Partners told before the public: at most {@code maxEmbargo} before disclosure, at least
     * {@code minEmbargo} before it, at the policy's notices.
     *
     * @param except what the group is not told about, e.g. {@code windows} for a distro list
     * @param minSeverity the group is told only of cases at this severity level or above (OpenSSL
     *     prenotifies Critical, High and Moderate issues only); null: of every case
     * @param onlyWithCve the group is told only of issues with a CVE id (Kubernetes' distributors)
     */
    public record PartnerGroup(
            String id,
            String description,
            PolicyDuration maxEmbargo,
            PolicyDuration minEmbargo,
            List<Notice> notices,
            List<String> except,
            String minSeverity,
            boolean onlyWithCve) {

        /** A group as version 1 files write it. */
        public PartnerGroup(String id, String description, PolicyDuration maxEmbargo) {
            this(id, description, maxEmbargo, null, null, null, null, false);
        }

        public PartnerGroup {
            notices = listOrEmpty(notices);
            except = listOrEmpty(except);
        }
    }

    /**
     * A notice to a partner group {@code before} disclosure; {@code atLeast}: "at least that long
     * before" in the policy's words, so it may go out earlier (within the group's maximum); {@code
     * firm}: false for an approximate notice ("usually two weeks before"), warned about, never
     * breached.
     */
    public record Notice(PolicyDuration before, boolean atLeast, boolean firm) {

        /** A firm notice. */
        public Notice(PolicyDuration before, boolean atLeast) {
            this(before, atLeast, true);
        }

        @JsonCreator
        static Notice of(
                @JsonProperty("before") PolicyDuration before,
                @JsonProperty("atLeast") Boolean atLeast,
                @JsonProperty("firm") Boolean firm) {
            return new Notice(before, Boolean.TRUE.equals(atLeast), firm == null || firm);
        }
    }

    /**
     * Whom a reporter turns to when the program has not answered {@code after} this long (e.g.
     * {@code 5bd}).
     */
    public record Escalation(PolicyDuration after, List<Program.Contact> contacts, String note) {

        public Escalation {
            contacts = listOrEmpty(contacts);
        }
    }
}
