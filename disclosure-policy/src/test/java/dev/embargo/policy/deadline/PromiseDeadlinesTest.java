package dev.embargo.policy.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.embargo.policy.io.ProgramFiles;
import dev.embargo.policy.model.PolicyDuration;
import dev.embargo.policy.model.Program;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The promises of a version 2 policy: targets, ranges, minimums, anchors, tracks, partner notices,
 * release slots. Programs here state no time zone, so they count in UTC.
 */
class PromiseDeadlinesTest {

    /** Monday 23 November 2026, noon UTC. */
    private static final Instant MONDAY_NOON = Instant.parse("2026-11-23T12:00:00Z");

    private final DeadlineEngine engine = new DeadlineEngine();

    @Test
    void aTargetIsShownButIsNotFirm() {
        Deadline triage =
                only(
                        Step.TRIAGE,
                        program("deadlines: { triage: { within: 7d, firm: false } }"),
                        arrived());
        assertThat(triage.due()).isEqualTo("2026-11-30T12:00:00Z");
        assertThat(triage.firm()).isFalse();
        assertThat(triage.basis()).contains("target");
    }

    @Test
    void aPlainDurationIsAFirmPromiseFromArrival() {
        Deadline acknowledgement =
                only(
                        Step.ACKNOWLEDGEMENT,
                        program("deadlines: { acknowledgement: 2d }"),
                        arrived());
        assertThat(acknowledgement.firm()).isTrue();
        assertThat(acknowledgement.anchor()).isEqualTo(Anchor.ARRIVAL);
        assertThat(acknowledgement.atLeast()).isNull();
    }

    @Test
    void aRangeHasAnEarliestTimeAndADueTime() {
        Deadline fix =
                only(
                        Step.FIX,
                        program(
                                "deadlines: { fixByTrack: { private: { atLeast: 3d, within: 7d } }"
                                        + " }"),
                        arrived().onTrack("private"));
        assertThat(fix.atLeast()).isEqualTo("2026-11-26T12:00:00Z");
        assertThat(fix.due()).isEqualTo("2026-11-30T12:00:00Z");
    }

    @Test
    void aMinimumAloneHasNoDueTime() {
        Deadline disclosure =
                only(
                        Step.DISCLOSURE,
                        program("deadlines: { disclosure: { atLeast: 7d } }"),
                        arrived());
        assertThat(disclosure.due()).isNull();
        assertThat(disclosure.atLeast()).isEqualTo("2026-11-30T12:00:00Z");
    }

    @Test
    void aStepAnchoredOnAnEventHasNoDueTimeUntilTheEventIsKnown() {
        Program program =
                program("deadlines: { disclosure: { within: 7d, anchor: fix-released } }");
        Deadline before = only(Step.DISCLOSURE, program, arrived());
        assertThat(before.due()).isNull();
        assertThat(before.basis()).contains("once the fix release is known");
        Deadline after =
                only(
                        Step.DISCLOSURE,
                        program,
                        arrived()
                                .withEvent(
                                        Anchor.FIX_RELEASED,
                                        Instant.parse("2026-12-10T09:00:00Z")));
        assertThat(after.due()).isEqualTo("2026-12-17T09:00:00Z");
        assertThat(after.anchor()).isEqualTo(Anchor.FIX_RELEASED);
    }

    @Test
    void theFixFollowsTheCasesTrackAndWaitsForIt() {
        Program program = program("deadlines: { fixByTrack: { private: 90d, urgent: 14d } }");
        assertThat(only(Step.FIX, program, arrived().onTrack("urgent")).due())
                .isEqualTo("2026-12-07T12:00:00Z");
        Deadline unknown = only(Step.FIX, program, arrived());
        assertThat(unknown.due()).isNull();
        assertThat(unknown.basis()).isEqualTo("set once the track is known");
    }

    @Test
    void disclosureByTrackComesBeforeBySeverityWhichComesBeforeTheGeneralTime() {
        Program program =
                program(
                        """
                        severity: { basis: named, levels: [{ name: high }, { name: low }] }
                          deadlines:
                            disclosure: 90d
                            disclosureBySeverity: { high: 30d }
                            disclosureByTrack: { urgent: 7d }
                        """);
        assertThat(only(Step.DISCLOSURE, program, arrived()).due())
                .isEqualTo("2027-02-21T12:00:00Z");
        assertThat(only(Step.DISCLOSURE, program, arrived().withSeverity("high")).due())
                .isEqualTo("2026-12-23T12:00:00Z");
        assertThat(
                        only(
                                        Step.DISCLOSURE,
                                        program,
                                        arrived().withSeverity("high").onTrack("urgent"))
                                .due())
                .isEqualTo("2026-11-30T12:00:00Z");
    }

    @Test
    void aMinimumEmbargoIsAStepAndTheEarliestDisclosure() {
        Program program = program("deadlines: { disclosure: 30d, minimumEmbargo: 14d }");
        assertThat(only(Step.MINIMUM_EMBARGO, program, arrived()).atLeast())
                .isEqualTo("2026-12-07T12:00:00Z");
        assertThat(only(Step.DISCLOSURE, program, arrived()).atLeast())
                .isEqualTo("2026-12-07T12:00:00Z");
    }

    @Test
    void aPreAnnouncementCountsBackFromDisclosure() {
        Deadline announcement =
                only(
                        Step.PRE_ANNOUNCEMENT,
                        program(
                                "deadlines: { disclosure: 30d, preAnnouncement: { within: 7d,"
                                        + " firm: false } }"),
                        arrived());
        assertThat(announcement.due()).isEqualTo("2026-12-16T12:00:00Z");
        assertThat(announcement.firm()).isFalse();
    }

    @Test
    void eachNoticeToAPartnerGroupIsADeadlineLabelledWithTheGroup() {
        Program program =
                program(
                        """
                        deadlines: { disclosure: 30d }
                          disclosure:
                            partnerGroups:
                              - id: distros
                                maxEmbargo: 14d
                                notices: [{ before: 7d, atLeast: true }, { before: 24h }]
                                except: [windows]
                        """);
        List<Deadline> notices = all(Step.PARTNER_NOTICE, program, arrived());
        assertThat(notices)
                .extracting(Deadline::label, Deadline::due)
                .containsExactly(
                        tuple("distros, 7d before", Instant.parse("2026-12-16T12:00:00Z")),
                        tuple("distros, 24h before", Instant.parse("2026-12-22T12:00:00Z")));
        assertThat(notices.get(0).atLeast()).isEqualTo("2026-12-09T12:00:00Z");
        assertThat(notices.get(1).atLeast()).isNull();
    }

    @Test
    void aPartnerGroupsMinimumEmbargoAloneIsOneNotice() {
        Program program =
                program(
                        """
                        deadlines: { disclosure: 30d }
                          disclosure: { partnerGroups: [{ id: vendors, minEmbargo: 5d }] }
                        """);
        assertThat(only(Step.PARTNER_NOTICE, program, arrived()).due())
                .isEqualTo("2026-12-18T12:00:00Z");
    }

    @Test
    void aReportAlreadyPublicSwitchesToTheExpeditedTrack() {
        Program program =
                program(
                        """
                        deadlines: { fixByTrack: { private: 90d }, disclosure: 90d }
                          expedited:
                            when: [already-public]
                            deadlines: { fixByTrack: { private: asap }, disclosure: 7d }
                        """);
        CaseFacts facts = arrived().onTrack("private").withAlreadyPublic();
        Deadline fix = only(Step.FIX, program, facts);
        assertThat(fix.due()).isNull();
        assertThat(fix.promised()).isEqualTo(PolicyDuration.ASAP);
        assertThat(only(Step.DISCLOSURE, program, facts).due()).isEqualTo("2026-11-30T12:00:00Z");
        assertThat(only(Step.DISCLOSURE, program, arrived().onTrack("private")).due())
                .isEqualTo("2027-02-21T12:00:00Z");
    }

    @Test
    void aDisclosureMovesEarlierToTheLatestReleaseSlot() {
        // Due Friday 27 November 12:00; releases at 14:00 and never on Fridays: Thursday 14:00.
        Program program =
                program(
                        """
                        deadlines: { disclosure: 4d }
                          calendar: { releaseTime: "14:00", noReleaseOn: [FRIDAY] }
                        """);
        Deadline disclosure = only(Step.DISCLOSURE, program, arrived());
        assertThat(disclosure.due()).isEqualTo("2026-11-26T14:00:00Z");
        assertThat(disclosure.basis()).contains("release slot");
    }

    @Test
    void aPolicySilentAboutExtensionsAllowsThemWithAReason() {
        Program program = program("deadlines: { disclosure: 30d }");
        CaseFacts extended =
                arrived()
                        .extend(
                                new Extension(
                                        Step.DISCLOSURE,
                                        PolicyDuration.parse("7d"),
                                        "Fix needs a new release branch",
                                        false));
        assertThat(only(Step.DISCLOSURE, program, extended).due())
                .isEqualTo("2026-12-30T12:00:00Z");
    }

    @Test
    void aTrackFixedInPublicHasNoEmbargoToDisclose() {
        Program program =
                program(
                        """
                        deadlines: { disclosure: 30d, minimumEmbargo: 7d }
                          disclosure: { partnerGroups: [{ id: distros, notices: [{ before: 7d }] }] }
                        """);
        CaseFacts inPublic = arrived().onTrack("public");
        assertThat(only(Step.DISCLOSURE, program, inPublic).due()).isNull();
        assertThat(engine.timeline(program, inPublic))
                .extracting(Deadline::step)
                .doesNotContain(Step.PARTNER_NOTICE, Step.MINIMUM_EMBARGO);
    }

    @Test
    void aLowSeverityFixedInPublicHasNoEmbargoEither() {
        Program program =
                program(
                        """
                        severity:
                            basis: named
                            levels: [{ name: high }, { name: low, release: fixed-in-public, embargo: false }]
                          deadlines: { disclosure: 30d }
                        """);
        assertThat(only(Step.DISCLOSURE, program, arrived().withSeverity("low")).due()).isNull();
        assertThat(only(Step.DISCLOSURE, program, arrived().withSeverity("high")).due())
                .isEqualTo("2026-12-23T12:00:00Z");
    }

    private static CaseFacts arrived() {
        return CaseFacts.arrivedAt(MONDAY_NOON);
    }

    private Deadline only(Step step, Program program, CaseFacts facts) {
        List<Deadline> deadlines = all(step, program, facts);
        assertThat(deadlines).as(step.name()).hasSize(1);
        return deadlines.get(0);
    }

    private List<Deadline> all(Step step, Program program, CaseFacts facts) {
        return engine.timeline(program, facts).stream()
                .filter(deadline -> deadline.step() == step)
                .toList();
    }

    /**
     * A version 2 program with three tracks and the given policy lines (indented by two spaces
     * after the first).
     */
    private static Program program(String policy) {
        return new ProgramFiles()
                .read(
                        """
                        apiVersion: embargo.dev/program/v2
                        slug: promises
                        name: Promises
                        channels: [{ type: hackerone, url: "https://hackerone.com/promises" }]
                        policy:
                          tracks:
                            - { id: public, title: Public, release: fixed-in-public, embargo: false }
                            - { id: private, title: Private, release: next-scheduled-release, embargo: true }
                            - { id: urgent, title: Urgent, release: out-of-band-release, embargo: true }
                          %s
                        """
                                .formatted(policy.strip()),
                        "promises.yaml");
    }
}
