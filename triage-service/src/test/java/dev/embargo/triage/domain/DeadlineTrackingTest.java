package dev.embargo.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.embargo.policy.deadline.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class DeadlineTrackingTest {

    private static final Instant ARRIVAL = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void theSchedulerWatchesThePolicysStepsThatEventsNameAndEveryStepOfALaw() {
        assertThat(EnumSet.allOf(Step.class))
                .filteredOn(DeadlineTracking::watched)
                .containsExactly(
                        Step.TRIAGE,
                        Step.STATUS_UPDATE,
                        Step.FIX,
                        Step.DISCLOSURE,
                        Step.POST_MORTEM,
                        Step.CVE_RECORD_TARGET,
                        Step.CVE_RECORD,
                        Step.CRA_EARLY_WARNING,
                        Step.CRA_NOTIFICATION,
                        Step.CRA_FINAL_REPORT);
    }

    @Test
    void onlyTheStatusUpdateRepeats() {
        assertThat(EnumSet.allOf(Step.class))
                .filteredOn(DeadlineTracking::repeats)
                .containsExactly(Step.STATUS_UPDATE);
    }

    @Test
    void leavingTriageWithADecisionMeetsTheTriageDeadline() {
        assertThat(DeadlineTracking.settledBy(CaseState.TRIAGING, CaseState.ACCEPTED))
                .containsExactly(Step.TRIAGE);
        assertThat(DeadlineTracking.settledBy(CaseState.ACKNOWLEDGED, CaseState.TRIAGING))
                .isEmpty();
        assertThat(DeadlineTracking.settledBy(CaseState.TRIAGING, CaseState.NEEDS_INFO)).isEmpty();
    }

    @Test
    void aFixReadyForPartnersMeetsTheFixDeadlineAndPublicationMeetsDisclosureAndEndsUpdates() {
        assertThat(DeadlineTracking.settledBy(CaseState.FIXING, CaseState.PRE_RELEASE))
                .containsExactly(Step.FIX);
        assertThat(DeadlineTracking.settledBy(CaseState.PRE_RELEASE, CaseState.PUBLISHED))
                .containsExactlyInAnyOrder(Step.FIX, Step.DISCLOSURE, Step.STATUS_UPDATE);
        assertThat(DeadlineTracking.settledBy(CaseState.PUBLISHED, CaseState.POST_MORTEM))
                .isEmpty();
    }

    @Test
    void onlyDoingTheWorkMeetsADeadlineEndingTheCaseDoesNot() {
        assertThat(DeadlineTracking.keptBy(CaseState.FIXING, CaseState.PRE_RELEASE))
                .containsExactly(Step.FIX);
        assertThat(DeadlineTracking.keptBy(CaseState.PRE_RELEASE, CaseState.PUBLISHED))
                .containsExactlyInAnyOrder(Step.FIX, Step.DISCLOSURE);
        assertThat(DeadlineTracking.keptBy(CaseState.POST_MORTEM, CaseState.CLOSED))
                .containsExactly(Step.POST_MORTEM);
        assertThat(DeadlineTracking.keptBy(CaseState.TRIAGING, CaseState.SPAM)).isEmpty();
        assertThat(DeadlineTracking.keptBy(CaseState.PUBLISHED, CaseState.CLOSED)).isEmpty();
    }

    @Test
    void decisionsThatEndACaseSettleEveryPolicyDeadlineButNoRegulatoryOne() {
        for (CaseState ending :
                EnumSet.of(
                        CaseState.DUPLICATE,
                        CaseState.OUT_OF_SCOPE,
                        CaseState.SPAM,
                        CaseState.WONT_FIX,
                        CaseState.CLOSED)) {
            assertThat(DeadlineTracking.settledBy(CaseState.TRIAGING, ending))
                    .as(ending.wireName())
                    .containsExactlyInAnyOrderElementsOf(
                            Arrays.stream(Step.values())
                                    .filter(step -> !step.regulatory())
                                    .toList());
        }
    }

    @Test
    void theWarningComesADayAheadOrAfterThreeQuartersOfAShortDeadline() {
        Duration day = Duration.ofHours(24);
        assertThat(DeadlineTracking.warnAt(ARRIVAL, ARRIVAL.plus(Duration.ofDays(30)), day))
                .isEqualTo(ARRIVAL.plus(Duration.ofDays(29)));
        assertThat(DeadlineTracking.warnAt(ARRIVAL, ARRIVAL.plus(Duration.ofHours(24)), day))
                .isEqualTo(ARRIVAL.plus(Duration.ofHours(18)));
    }

    @Test
    void aDeadlineAlreadyDueWhenSetIsWarnedAboutAtItsDueTime() {
        Instant due = ARRIVAL.minus(Duration.ofHours(1));
        assertThat(DeadlineTracking.warnAt(ARRIVAL, due, Duration.ofHours(24))).isEqualTo(due);
    }
}
