package dev.embargo.policy.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CNA and EU CRA clocks: every rule, and how each moves when its facts do. */
class RegulatoryClocksTest {

    private static final Instant FRIDAY_EVENING = Instant.parse("2026-12-04T18:30:00Z");

    private final RegulatoryClocks clocks = new RegulatoryClocks();

    @Test
    void aCaseWithoutCnaDutiesOrEuMarketRunsNoRegulatoryClock() {
        assertThat(clocks.timeline(RegulatoryFacts.none())).isEmpty();
    }

    @Test
    void theCveRecordShouldBePublicIn24HoursAndMustBeIn72HoursOfDisclosureCountedInPlainHours() {
        List<RegulatoryDeadline> timeline =
                clocks.timeline(new RegulatoryFacts(true, FRIDAY_EVENING, null, null, null, null));

        // A weekend is no excuse: the CNA rules count hours, not business days.
        assertThat(due(timeline))
                .containsExactly(
                        Map.entry(Step.CVE_RECORD_TARGET, Instant.parse("2026-12-05T18:30:00Z")),
                        Map.entry(Step.CVE_RECORD, Instant.parse("2026-12-07T18:30:00Z")));
        assertThat(timeline).extracting(RegulatoryDeadline::firm).containsExactly(false, true);
        assertThat(timeline).allMatch(deadline -> FRIDAY_EVENING.equals(deadline.from()));
    }

    @Test
    void beforePublicDisclosureTheCveRecordClockIsOwedButHasNoDueTime() {
        assertThat(clocks.timeline(new RegulatoryFacts(true, null, null, null, null, null)))
                .extracting(RegulatoryDeadline::step, RegulatoryDeadline::due)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Step.CVE_RECORD_TARGET, null),
                        org.assertj.core.groups.Tuple.tuple(Step.CVE_RECORD, null));
    }

    @Test
    void anActivelyExploitedVulnerabilityOwesAnEarlyWarningIn24HoursAndANotificationIn72() {
        Map<Step, Instant> due =
                due(
                        clocks.timeline(
                                new RegulatoryFacts(
                                        false,
                                        null,
                                        CraTrigger.ACTIVELY_EXPLOITED,
                                        FRIDAY_EVENING,
                                        null,
                                        null)));

        assertThat(due)
                .containsEntry(Step.CRA_EARLY_WARNING, Instant.parse("2026-12-05T18:30:00Z"))
                .containsEntry(Step.CRA_NOTIFICATION, Instant.parse("2026-12-07T18:30:00Z"));
        // The final report waits for a corrective or mitigating measure.
        assertThat(due).containsEntry(Step.CRA_FINAL_REPORT, null);
    }

    @Test
    void theFinalReportIsDue14DaysAfterACorrectiveMeasureIsAvailable() {
        Instant measure = Instant.parse("2026-12-09T08:00:00Z");

        Map<Step, Instant> due =
                due(
                        clocks.timeline(
                                new RegulatoryFacts(
                                        false,
                                        null,
                                        CraTrigger.ACTIVELY_EXPLOITED,
                                        FRIDAY_EVENING,
                                        measure,
                                        null)));

        assertThat(due).containsEntry(Step.CRA_FINAL_REPORT, Instant.parse("2026-12-23T08:00:00Z"));
    }

    @Test
    void editingTheAwarenessTimeMovesTheEarlyWarningAndNotificationButNotTheFinalReport() {
        Instant measure = Instant.parse("2026-12-09T08:00:00Z");
        Instant earlier = FRIDAY_EVENING.minusSeconds(6 * 3600);

        Map<Step, Instant> due =
                due(
                        clocks.timeline(
                                new RegulatoryFacts(
                                        false,
                                        null,
                                        CraTrigger.ACTIVELY_EXPLOITED,
                                        earlier,
                                        measure,
                                        null)));

        assertThat(due)
                .containsEntry(Step.CRA_EARLY_WARNING, Instant.parse("2026-12-05T12:30:00Z"))
                .containsEntry(Step.CRA_NOTIFICATION, Instant.parse("2026-12-07T12:30:00Z"))
                .containsEntry(Step.CRA_FINAL_REPORT, Instant.parse("2026-12-23T08:00:00Z"));
    }

    @Test
    void aSevereIncidentsFinalReportIsDueOneCalendarMonthAfterItsNotification() {
        RegulatoryFacts incident =
                new RegulatoryFacts(
                        false,
                        null,
                        CraTrigger.SEVERE_INCIDENT,
                        FRIDAY_EVENING,
                        Instant.parse("2026-12-09T08:00:00Z"),
                        null);
        assertThat(due(clocks.timeline(incident)))
                .containsEntry(Step.CRA_EARLY_WARNING, Instant.parse("2026-12-05T18:30:00Z"))
                .containsEntry(Step.CRA_NOTIFICATION, Instant.parse("2026-12-07T18:30:00Z"))
                // Not from the corrective measure: an incident's final report follows the
                // notification.
                .containsEntry(Step.CRA_FINAL_REPORT, null);

        RegulatoryFacts notified =
                new RegulatoryFacts(
                        false,
                        null,
                        CraTrigger.SEVERE_INCIDENT,
                        FRIDAY_EVENING,
                        Instant.parse("2026-12-09T08:00:00Z"),
                        Instant.parse("2027-01-31T10:00:00Z"));
        // One month after 31 January is the last day of February.
        assertThat(due(clocks.timeline(notified)))
                .containsEntry(Step.CRA_FINAL_REPORT, Instant.parse("2027-02-28T10:00:00Z"));
    }

    @Test
    void everyCraStepIsFirmAndNamesItsArticle() {
        List<RegulatoryDeadline> timeline =
                clocks.timeline(
                        new RegulatoryFacts(
                                false,
                                null,
                                CraTrigger.SEVERE_INCIDENT,
                                FRIDAY_EVENING,
                                null,
                                null));

        assertThat(timeline).allMatch(RegulatoryDeadline::firm);
        assertThat(timeline)
                .extracting(RegulatoryDeadline::basis)
                .allMatch(basis -> basis.startsWith("CRA Art. 14(4)"));
    }

    @Test
    void aCraClockNeedsItsAwarenessTime() {
        assertThatThrownBy(
                        () ->
                                new RegulatoryFacts(
                                        false,
                                        null,
                                        CraTrigger.ACTIVELY_EXPLOITED,
                                        null,
                                        null,
                                        null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyTheRegulatoryStepsAreRegulatory() {
        assertThat(Step.FIX.regulatory()).isFalse();
        assertThat(Step.POST_MORTEM.regulatory()).isFalse();
        assertThat(Step.CVE_RECORD_TARGET.regulatory()).isTrue();
        assertThat(Step.CRA_FINAL_REPORT.regulatory()).isTrue();
        assertThatThrownBy(() -> new RegulatoryDeadline(Step.FIX, null, null, true, "policy"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<Step, Instant> due(List<RegulatoryDeadline> timeline) {
        Map<Step, Instant> due = new LinkedHashMap<>();
        timeline.forEach(deadline -> due.put(deadline.step(), deadline.due()));
        return due;
    }
}
