package dev.embargo.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.embargo.policy.deadline.Anchor;
import dev.embargo.policy.deadline.CaseFacts;
import dev.embargo.policy.deadline.Deadline;
import dev.embargo.policy.deadline.DeadlineEngine;
import dev.embargo.policy.deadline.Extension;
import dev.embargo.policy.deadline.Step;
import dev.embargo.policy.io.ProgramFiles;
import dev.embargo.policy.model.DisclosurePolicy;
import dev.embargo.policy.model.PolicyDuration;
import dev.embargo.policy.model.Program;
import dev.embargo.policy.model.VersionSupport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The program files written from public policies of well-known projects (deploy/programs/examples)
 * load and compute the dates counted by hand from each policy's text. Every report arrives on
 * Friday 27 November 2026 at 18:00 UTC; "+7d" below is counted on a calendar, "+3bd" skips the
 * weekend (from a Friday evening, 3 business days end on Wednesday at the same time).
 */
class ExampleProgramsTest {

    private static final Instant FRIDAY_EVENING = Instant.parse("2026-11-27T18:00:00Z");
    private static final CaseFacts ARRIVED = CaseFacts.arrivedAt(FRIDAY_EVENING);

    private static Map<String, Program> programs;
    private final DeadlineEngine engine = new DeadlineEngine();

    @BeforeAll
    static void loadTheExamples() {
        ProgramFiles files = new ProgramFiles();
        programs =
                ProgramFilesHonestyTest.yamlFiles(ProgramFilesHonestyTest.EXAMPLES).stream()
                        .map(files::read)
                        .collect(Collectors.toMap(Program::slug, Function.identity()));
    }

    @Test
    void loadsTheNineExamples() {
        assertThat(programs)
                .containsOnlyKeys(
                        "curl",
                        "django",
                        "go",
                        "kubernetes",
                        "linux",
                        "nodejs",
                        "openssl",
                        "python",
                        "rust");
    }

    @Test
    void theServicesDoNotLoadTheExamples() {
        assertThat(new ProgramFiles().readDirectory(ProgramFilesHonestyTest.SEEDS))
                .extracting(Program::slug)
                .doesNotContainAnyElementsOf(programs.keySet());
    }

    @Test
    void curlTakesReportsOnlyOnHackerOneAndDisclosesWithTheFixRelease() {
        Program curl = programs.get("curl");
        assertThat(curl.channels())
                .extracting(Program.IntakeChannel::type)
                .containsExactly("hackerone");
        assertThat(curl.reportContacts())
                .allSatisfy(contact -> assertThat(contact.email()).isNull());
        // security@curl.se is for the press during a major incident, never for reports.
        assertThat(curl.contacts())
                .filteredOn(contact -> !contact.takesReports())
                .extracting(Program.Contact::email)
                .containsExactly("security@curl.se");
        assertThat(curl.bugBounty().status()).isEqualTo("none");
        assertThat(curl.cve().route()).isEqualTo("own-cna");
        assertThat(curl.policy().disclosure().allReportsDisclosed()).isTrue();
        assertThat(curl.policy().disclosure().partnerGroups().getFirst().except())
                .containsExactly("windows");
        // No time is promised from arrival: the information goes out "as soon as possible", "most
        // often synchronized with an upcoming release that contains the fix".
        assertThat(due(curl, ARRIVED))
                .containsOnlyKeys(Step.PRE_RELEASE, Step.DISCLOSURE)
                .containsEntry(Step.DISCLOSURE, null);
        // Release on Wednesday 9 December 08:00: disclosed then; distros told "no more than seven
        // days before release", so not before Wednesday 2 December 08:00.
        CaseFacts released =
                ARRIVED.withEvent(Anchor.FIX_RELEASED, Instant.parse("2026-12-09T08:00:00Z"));
        assertThat(due(curl, released))
                .containsEntry(Step.DISCLOSURE, Instant.parse("2026-12-09T08:00:00Z"))
                .containsEntry(Step.PRE_RELEASE, Instant.parse("2026-12-02T08:00:00Z"));
        assertThat(step(curl, released, Step.DISCLOSURE).firm()).isFalse();
    }

    @Test
    void goAcknowledgesInSevenDaysAndFixesOrDisclosesInNinety() {
        Program go = programs.get("go");
        assertThat(go.policy().severity()).isNull();
        assertThat(go.cve().everyAcceptedIssue()).isTrue();
        // +7d: Friday 4 December. +90d: 3 days to 30 November, 31 to 31 December, 31 to 31 January,
        // 25 to Thursday 25 February 2027. Pre-announcement "three to seven days before": by
        // Monday 22 February, not before Thursday 18 February.
        CaseFacts privateTrack = ARRIVED.onTrack("private");
        assertThat(due(go, privateTrack))
                .containsEntry(Step.ACKNOWLEDGEMENT, Instant.parse("2026-12-04T18:00:00Z"))
                .containsEntry(Step.DISCLOSURE, Instant.parse("2027-02-25T18:00:00Z"))
                .containsEntry(Step.PRE_ANNOUNCEMENT, Instant.parse("2027-02-22T18:00:00Z"));
        assertThat(step(go, privateTrack, Step.PRE_ANNOUNCEMENT).atLeast())
                .isEqualTo(Instant.parse("2027-02-18T18:00:00Z"));
        assertThat(step(go, privateTrack, Step.DISCLOSURE).firm()).isTrue();
        // The pre-announcement is the PRIVATE track's only.
        assertThat(due(go, ARRIVED.onTrack("urgent"))).doesNotContainKey(Step.PRE_ANNOUNCEMENT);
        // After 7 days without a reply the reporter follows up, then goes to g.co/vulnz.
        assertThat(go.policy().escalation().after()).isEqualTo(PolicyDuration.parse("7d"));
    }

    @Test
    void goSupportsTheTwoNewestMajorReleasesOfItsReleaseList() {
        Program go = programs.get("go");
        // "Fixes are prepared for the two most recent major releases": with 1.27.0 out on
        // 19 August 2026, Go 1.27 and 1.26 are supported and 1.25 is not.
        LocalDate today = LocalDate.of(2026, 12, 7);
        assertThat(VersionSupport.of(go, "1.27.0", today)).isEqualTo(VersionSupport.SUPPORTED);
        assertThat(VersionSupport.of(go, "1.26.7", today)).isEqualTo(VersionSupport.SUPPORTED);
        assertThat(VersionSupport.of(go, "1.25.14", today)).isEqualTo(VersionSupport.UNSUPPORTED);
    }

    @Test
    void goFixesPublicTrackIssuesInPublicWithNoEmbargoOrPreAnnouncement() {
        Program go = programs.get("go");
        Map<Step, Instant> publicTrack = due(go, ARRIVED.onTrack("public"));
        assertThat(publicTrack)
                .containsEntry(Step.ACKNOWLEDGEMENT, Instant.parse("2026-12-04T18:00:00Z"))
                .containsEntry(Step.DISCLOSURE, null)
                .doesNotContainKey(Step.PRE_ANNOUNCEMENT);
        assertThat(go.policy().track("urgent").orElseThrow().release())
                .isEqualTo("out-of-band-release");
    }

    @Test
    void rustAnswersInADayRespondsInTwoAndUpdatesEveryFiveDays() {
        Program rust = programs.get("rust");
        // +24h: Saturday 28 November; +48h: Sunday 29 November; +5d: Wednesday 2 December.
        assertThat(due(rust, ARRIVED))
                .containsEntry(Step.ACKNOWLEDGEMENT, Instant.parse("2026-11-28T18:00:00Z"))
                .containsEntry(Step.TRIAGE, Instant.parse("2026-11-29T18:00:00Z"))
                .containsEntry(Step.STATUS_UPDATE, Instant.parse("2026-12-02T18:00:00Z"))
                .containsEntry(Step.PARTNER_NOTICE, null)
                .doesNotContainKey(Step.DISCLOSURE);
        assertThat(rust.policy().escalation().after()).isEqualTo(PolicyDuration.parse("48h"));
        assertThat(rust.policy().escalation().contacts()).hasSize(3);
        assertThat(rust.openPgp().keys().getFirst().fingerprint())
                .isEqualTo("5769C88BF5DD3D14A234A7ACEFB9860AE7520DAC");
        // The key signs announcements: security.txt lists no key for encryption.
        assertThat(rust.openPgp().encryptionKeys()).isEmpty();
        // "the most recent stable release": a rule row, unknown until releases are listed.
        assertThat(VersionSupport.of(rust, "1.80.0", LocalDate.of(2026, 12, 7)))
                .isEqualTo(VersionSupport.UNKNOWN);
        assertThat(rust.policy().scope().elsewhere())
                .extracting(DisclosurePolicy.ElsewhereClass::reportTo)
                .containsExactly(
                        "https://github.com/discourse/discourse/blob/main/docs/SECURITY.md",
                        "https://crates.io/security");
    }

    @Test
    void opensslPreAnnouncesAWeekAndPrenotifiesTwoWeeksBeforeTheRelease() {
        Program openssl = programs.get("openssl");
        assertThat(openssl.policy().severity().level("moderate").orElseThrow().release())
                .isEqualTo("next-scheduled-release");
        // Nothing is dated until the release date is known.
        assertThat(due(openssl, ARRIVED.withSeverity("high")))
                .containsEntry(Step.DISCLOSURE, null)
                .containsEntry(Step.PRE_ANNOUNCEMENT, null)
                .containsEntry(Step.PARTNER_NOTICE, null);
        // Release on Tuesday 15 December 14:00: openssl-announce one week before (Tuesday 8
        // December 14:00), the prenotified organisations two weeks before (Tuesday 1 December).
        CaseFacts released =
                ARRIVED.withSeverity("high")
                        .withEvent(Anchor.FIX_RELEASED, Instant.parse("2026-12-15T14:00:00Z"));
        assertThat(due(openssl, released))
                .containsEntry(Step.DISCLOSURE, Instant.parse("2026-12-15T14:00:00Z"))
                .containsEntry(Step.PRE_ANNOUNCEMENT, Instant.parse("2026-12-08T14:00:00Z"))
                .containsEntry(Step.PARTNER_NOTICE, Instant.parse("2026-12-01T14:00:00Z"));
        assertThat(step(openssl, released, Step.PRE_ANNOUNCEMENT).firm()).isFalse();
        // "usually two weeks before", and only for Critical, High or Moderate issues.
        assertThat(step(openssl, released, Step.PARTNER_NOTICE).firm()).isFalse();
        assertThat(
                        due(
                                openssl,
                                ARRIVED.withSeverity("low")
                                        .withEvent(
                                                Anchor.FIX_RELEASED,
                                                Instant.parse("2026-12-15T14:00:00Z"))))
                .doesNotContainKey(Step.PARTNER_NOTICE);
    }

    @Test
    void djangoAcknowledgesInThreeWorkingDaysAndAimsToResolveInNinetyDays() {
        Program django = programs.get("django");
        // +3bd from Friday evening: Monday, Tuesday, Wednesday 2 December. +90d: Thursday 25
        // February 2027; "approximately one week before": Thursday 18 February.
        Map<Step, Instant> due = due(django, ARRIVED.withSeverity("moderate"));
        assertThat(due)
                .containsEntry(Step.ACKNOWLEDGEMENT, Instant.parse("2026-12-02T18:00:00Z"))
                .containsEntry(Step.DISCLOSURE, Instant.parse("2027-02-25T18:00:00Z"))
                .containsEntry(Step.PRE_ANNOUNCEMENT, Instant.parse("2027-02-18T18:00:00Z"))
                .containsEntry(Step.PARTNER_NOTICE, Instant.parse("2027-02-18T18:00:00Z"));
        assertThat(step(django, ARRIVED, Step.ACKNOWLEDGEMENT).firm()).isTrue();
        assertThat(step(django, ARRIVED, Step.DISCLOSURE).firm()).isFalse();
        // High is "addressed promptly": as soon as possible, with no date.
        assertThat(due(django, ARRIVED.withSeverity("high"))).containsEntry(Step.FIX, null);
        assertThat(django.policy().disclosure().credit()).containsExactly("named", "advisory");
        // "approximately one week before" for the notification list too.
        assertThat(step(django, ARRIVED.withSeverity("moderate"), Step.PARTNER_NOTICE).firm())
                .isFalse();
        assertThat(django.openPgp().keys().getFirst().keyId()).isEqualTo("FCB84B8D1D17F80B");
        // Its rules (the two latest series, LTS) wait for a release list; main is stated.
        LocalDate today = LocalDate.of(2026, 12, 7);
        assertThat(VersionSupport.of(django, "5.2.1", today)).isEqualTo(VersionSupport.UNKNOWN);
        assertThat(VersionSupport.of(django, "main", today)).isEqualTo(VersionSupport.SUPPORTED);
    }

    @Test
    void kubernetesReleasesOnANonFridayWeekdayAt1600Utc() {
        Program kubernetes = programs.get("kubernetes");
        // Distributors hear only of issues with a CVE: here one assigned Monday 30 November.
        CaseFacts high =
                ARRIVED.withSeverity("high")
                        .withEvent(Anchor.CVE_ASSIGNED, Instant.parse("2026-11-30T10:00:00Z"));
        // Acknowledgement +3bd: Wednesday 2 December 18:00. Fix "within the 1-7 days": from
        // Saturday 28 November to Friday 4 December. Disclosure "on the order of 7 days": Friday 4
        // December 18:00, moved earlier to the latest 16:00 UTC on a non-Friday weekday, Thursday
        // 3 December 16:00. The retrospective 1-3 days after the release: Sunday 6 December.
        assertThat(due(kubernetes, high))
                .containsEntry(Step.ACKNOWLEDGEMENT, Instant.parse("2026-12-02T18:00:00Z"))
                .containsEntry(Step.FIX, Instant.parse("2026-12-04T18:00:00Z"))
                .containsEntry(Step.DISCLOSURE, Instant.parse("2026-12-03T16:00:00Z"))
                .containsEntry(Step.POST_MORTEM, Instant.parse("2026-12-06T16:00:00Z"));
        assertThat(step(kubernetes, high, Step.FIX).atLeast())
                .isEqualTo(Instant.parse("2026-11-28T18:00:00Z"));
        assertThat(step(kubernetes, high, Step.FIX).firm()).isFalse();
        // Distributors "at least 7 days before" (Thursday 26 November 16:00, before the report
        // came: the policy's own 7-day disclosure leaves no room for it, so due at arrival) and "at
        // least 24 hours" before (Wednesday 2 December 16:00); the 4-week window opens 5 November,
        // before arrival, so both may go out from arrival on.
        assertThat(engine.timeline(kubernetes, high))
                .filteredOn(deadline -> deadline.step() == Step.PARTNER_NOTICE)
                .extracting(Deadline::label, Deadline::due, Deadline::atLeast)
                .containsExactly(
                        tuple("private-distributors, 7d before", FRIDAY_EVENING, FRIDAY_EVENING),
                        tuple(
                                "private-distributors, 24h before",
                                Instant.parse("2026-12-02T16:00:00Z"),
                                FRIDAY_EVENING));
        assertThat(due(kubernetes, ARRIVED.withSeverity("high")))
                .containsEntry(Step.PARTNER_NOTICE, null);
    }

    @Test
    void kubernetesMakesEveryTimelineAsapForAPublicDisclosure() {
        Program kubernetes = programs.get("kubernetes");
        assertThat(due(kubernetes, ARRIVED.withSeverity("high").withAlreadyPublic()))
                .containsEntry(Step.ACKNOWLEDGEMENT, Instant.parse("2026-12-02T18:00:00Z"))
                .containsEntry(Step.FIX, null)
                .containsEntry(Step.DISCLOSURE, null);
        // A low CVE that skips private disclosure is fixed in public: no embargo to count.
        assertThat(due(kubernetes, ARRIVED.withSeverity("low").onTrack("low-public")))
                .containsEntry(Step.DISCLOSURE, null)
                .doesNotContainKey(Step.PARTNER_NOTICE);
        assertThat(kubernetes.bugBounty().platform()).isEqualTo("hackerone");
    }

    @Test
    void nodejsCountsItsTargetsFromArrivalAndItsEmbargoFromTheCve() {
        Program nodejs = programs.get("nodejs");
        assertThat(nodejs.channels())
                .extracting(Program.IntakeChannel::type)
                .containsExactly("hackerone");
        // "Normally" +5d: Wednesday 2 December; +10d: Monday 7 December; both targets.
        assertThat(due(nodejs, ARRIVED))
                .containsEntry(Step.ACKNOWLEDGEMENT, Instant.parse("2026-12-02T18:00:00Z"))
                .containsEntry(Step.TRIAGE, Instant.parse("2026-12-07T18:00:00Z"))
                .containsEntry(Step.DISCLOSURE, null);
        assertThat(step(nodejs, ARRIVED, Step.ACKNOWLEDGEMENT).firm()).isFalse();
        // "the embargo date will be set 72 hours from the time the CVE is issued": CVE on
        // Thursday 10 December 09:00, disclosure Sunday 13 December 09:00.
        CaseFacts cve =
                ARRIVED.withEvent(Anchor.CVE_ASSIGNED, Instant.parse("2026-12-10T09:00:00Z"));
        assertThat(due(nodejs, cve))
                .containsEntry(Step.DISCLOSURE, Instant.parse("2026-12-13T09:00:00Z"));
        assertThat(step(nodejs, cve, Step.DISCLOSURE).anchor()).isEqualTo(Anchor.CVE_ASSIGNED);
        // Escalate after 6 business days: to the OpenJS Foundation CNA.
        assertThat(nodejs.policy().escalation().after()).isEqualTo(PolicyDuration.parse("6bd"));
        assertThat(nodejs.policy().escalation().contacts().getFirst().email())
                .isEqualTo("security@lists.openjsf.org");
        // Third-party modules go to "their respective maintainers": no address to give.
        assertThat(nodejs.policy().scope().elsewhere())
                .extracting(
                        DisclosurePolicy.ElsewhereClass::id,
                        DisclosurePolicy.ElsewhereClass::reportTo)
                .contains(tuple("third-party-modules", null));
    }

    @Test
    void pythonPublishesAfterTheFixIsMergedAndAssignsACveToEveryAcceptedReport() {
        Program python = programs.get("python");
        // "published after a security fix is first merged": merged Tuesday 8 December 10:00, not
        // published before then; no time after it is promised.
        assertThat(due(python, ARRIVED)).containsOnlyKeys(Step.DISCLOSURE);
        CaseFacts merged =
                ARRIVED.withEvent(Anchor.FIX_MERGED, Instant.parse("2026-12-08T10:00:00Z"));
        assertThat(step(python, merged, Step.DISCLOSURE).atLeast())
                .isEqualTo(Instant.parse("2026-12-08T10:00:00Z"));
        assertThat(step(python, merged, Step.DISCLOSURE).due()).isNull();
        assertThat(python.cve().everyAcceptedIssue()).isTrue();
        assertThat(python.policy().reportContents().extraItems())
                .extracting(DisclosurePolicy.ExtraItem::id)
                .contains("plain-text-only", "no-severity");
    }

    @Test
    void linuxDisclosesWithinSevenDaysOfTheReleaseProcessAndAssignsNoCve() {
        Program linux = programs.get("linux");
        assertThat(due(linux, ARRIVED)).containsOnlyKeys(Step.DISCLOSURE);
        // Release process starts Tuesday 1 December 09:00: up to 7 calendar days, Tuesday 8
        // December; the exceptional extension to 14 days, Tuesday 15 December; no further.
        CaseFacts ready =
                ARRIVED.withEvent(Anchor.FIX_READY, Instant.parse("2026-12-01T09:00:00Z"));
        assertThat(due(linux, ready))
                .containsEntry(Step.DISCLOSURE, Instant.parse("2026-12-08T09:00:00Z"));
        assertThat(due(linux, ready.extend(extension("7d"))))
                .containsEntry(Step.DISCLOSURE, Instant.parse("2026-12-15T09:00:00Z"));
        assertThatThrownBy(() -> engine.timeline(linux, ready.extend(extension("8d"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(due(linux, ARRIVED.withAlreadyPublic())).containsOnlyKeys(Step.DISCLOSURE);
        assertThat(step(linux, ARRIVED.withAlreadyPublic(), Step.DISCLOSURE).promised())
                .isEqualTo(PolicyDuration.parse("asap"));
        assertThat(linux.cve().everyAcceptedIssue()).isFalse();
        assertThat(linux.policy().disclosure().allReportsDisclosed()).isFalse();
    }

    private static Extension extension(String by) {
        return new Extension(
                Step.DISCLOSURE, PolicyDuration.parse(by), "Large scale rollout", true);
    }

    private Map<Step, Instant> due(Program program, CaseFacts facts) {
        Map<Step, Instant> due = new EnumMap<>(Step.class);
        engine.timeline(program, facts)
                .forEach(deadline -> due.put(deadline.step(), deadline.due()));
        return due;
    }

    private Deadline step(Program program, CaseFacts facts, Step step) {
        List<Deadline> matching =
                engine.timeline(program, facts).stream().filter(d -> d.step() == step).toList();
        assertThat(matching).as("one %s deadline", step).hasSize(1);
        return matching.getFirst();
    }
}
