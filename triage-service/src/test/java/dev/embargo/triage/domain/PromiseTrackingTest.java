package dev.embargo.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.embargo.policy.deadline.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class PromiseTrackingTest {

    private static final Instant ARRIVAL = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void acknowledgementAndPreReleaseAreNotWatchedEverythingElseIs() {
        assertThat(EnumSet.allOf(Step.class)).filteredOn(PromiseTracking::watched)
                .containsExactly(Step.TRIAGE, Step.STATUS_UPDATE, Step.FIX, Step.DISCLOSURE, Step.POST_MORTEM);
    }

    @Test
    void onlyTheStatusUpdateRepeats() {
        assertThat(EnumSet.allOf(Step.class)).filteredOn(PromiseTracking::repeats).containsExactly(Step.STATUS_UPDATE);
    }

    @Test
    void leavingTriageWithADecisionKeepsTheTriagePromise() {
        assertThat(PromiseTracking.settledBy(CaseState.TRIAGING, CaseState.ACCEPTED)).containsExactly(Step.TRIAGE);
        assertThat(PromiseTracking.settledBy(CaseState.ACKNOWLEDGED, CaseState.TRIAGING)).isEmpty();
        assertThat(PromiseTracking.settledBy(CaseState.TRIAGING, CaseState.NEEDS_INFO)).isEmpty();
    }

    @Test
    void aFixReadyForPartnersKeepsTheFixPromiseAndPublicationKeepsDisclosureAndEndsUpdates() {
        assertThat(PromiseTracking.settledBy(CaseState.FIXING, CaseState.PRE_RELEASE)).containsExactly(Step.FIX);
        assertThat(PromiseTracking.settledBy(CaseState.PRE_RELEASE, CaseState.PUBLISHED))
                .containsExactlyInAnyOrder(Step.FIX, Step.DISCLOSURE, Step.STATUS_UPDATE);
        assertThat(PromiseTracking.settledBy(CaseState.PUBLISHED, CaseState.POST_MORTEM)).isEmpty();
    }

    @Test
    void onlyDoingTheWorkKeepsAPromiseEndingTheCaseDoesNot() {
        assertThat(PromiseTracking.keptBy(CaseState.FIXING, CaseState.PRE_RELEASE)).containsExactly(Step.FIX);
        assertThat(PromiseTracking.keptBy(CaseState.PRE_RELEASE, CaseState.PUBLISHED))
                .containsExactlyInAnyOrder(Step.FIX, Step.DISCLOSURE);
        assertThat(PromiseTracking.keptBy(CaseState.POST_MORTEM, CaseState.CLOSED)).containsExactly(Step.POST_MORTEM);
        assertThat(PromiseTracking.keptBy(CaseState.TRIAGING, CaseState.SPAM)).isEmpty();
        assertThat(PromiseTracking.keptBy(CaseState.PUBLISHED, CaseState.CLOSED)).isEmpty();
    }

    @Test
    void decisionsThatEndACaseSettleEveryPromise() {
        for (CaseState ending : EnumSet.of(CaseState.DUPLICATE, CaseState.OUT_OF_SCOPE, CaseState.SPAM, CaseState.WONT_FIX,
                CaseState.CLOSED)) {
            assertThat(PromiseTracking.settledBy(CaseState.TRIAGING, ending)).as(ending.wireName())
                    .containsExactlyInAnyOrder(Step.values());
        }
    }

    @Test
    void theWarningComesADayAheadOrAfterThreeQuartersOfAShortPromise() {
        Duration day = Duration.ofHours(24);
        assertThat(PromiseTracking.warnAt(ARRIVAL, ARRIVAL.plus(Duration.ofDays(30)), day))
                .isEqualTo(ARRIVAL.plus(Duration.ofDays(29)));
        assertThat(PromiseTracking.warnAt(ARRIVAL, ARRIVAL.plus(Duration.ofHours(24)), day))
                .isEqualTo(ARRIVAL.plus(Duration.ofHours(18)));
    }

    @Test
    void aPromiseAlreadyDueWhenMadeIsWarnedAboutAtItsDueTime() {
        Instant due = ARRIVAL.minus(Duration.ofHours(1));
        assertThat(PromiseTracking.warnAt(ARRIVAL, due, Duration.ofHours(24))).isEqualTo(due);
    }
}
