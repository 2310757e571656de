package dev.embargo.policy.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.embargo.policy.io.ProgramFiles;
import dev.embargo.policy.model.PolicyDuration;
import dev.embargo.policy.model.Program;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a case's dates move when its facts change: severity raised, expedited, extended. */
class DeadlineEngineTest {

    private static final Instant MONDAY_NOON = Instant.parse("2026-11-23T12:00:00Z");
    private static final String POLICY =
            """
            apiVersion: embargo.dev/program/v1
            slug: engine
            name: Engine test program
            timeZone: UTC
            contacts: [{ email: security@engine.example }]
            openPgp: { status: none }
            channels: [{ type: api }]
            policy:
              scope: { inScope: [{ id: any, title: Anything }] }
              severity:
                basis: cvss
                levels: [{ name: critical, minCvss: 9.0 }, { name: high, minCvss: 7.0 }, { name: low, minCvss: 0.1 }]
              deadlines:
                acknowledgement: 2bd
                fixBySeverity: { critical: 24h, high: 2w, low: next-release }
                disclosure: 90d
                postMortem: { within: 14d, minSeverity: high }
              expedited:
                when: [actively-exploited]
                deadlines: { fixBySeverity: { critical: 12h, high: 3d }, disclosure: 7d }
              extensions: { allowed: %1$s, reporterAgreementRequired: %1$s }
              disclosure: { credit: [named] }
            """;

    private final DeadlineEngine engine = new DeadlineEngine();

    @Test
    void raisingTheSeverityAfterTriageBringsTheFixDateForward() {
        CaseFacts triaged = CaseFacts.arrivedAt(MONDAY_NOON).withSeverity("high");
        assertThat(due(program(true), triaged))
                .containsEntry(Step.FIX, Instant.parse("2026-12-07T12:00:00Z"));
        assertThat(due(program(true), triaged.withSeverity("critical")))
                .containsEntry(Step.FIX, Instant.parse("2026-11-24T12:00:00Z"));
    }

    @Test
    void aPostMortemIsOwedOnlyFromItsSeverityUp() {
        assertThat(due(program(true), CaseFacts.arrivedAt(MONDAY_NOON).withSeverity("low")))
                .doesNotContainKey(Step.POST_MORTEM);
        assertThat(due(program(true), CaseFacts.arrivedAt(MONDAY_NOON).withSeverity("high")))
                .containsEntry(Step.POST_MORTEM, Instant.parse("2027-03-07T12:00:00Z"));
    }

    @Test
    void theExpeditedTrackReplacesOnlyTheDeadlinesItSets() {
        Map<Step, Instant> due =
                due(
                        program(true),
                        CaseFacts.arrivedAt(MONDAY_NOON).withSeverity("high").expedite());
        assertThat(due)
                .containsEntry(Step.FIX, Instant.parse("2026-11-26T12:00:00Z"))
                .containsEntry(Step.DISCLOSURE, Instant.parse("2026-11-30T12:00:00Z"))
                .containsEntry(Step.ACKNOWLEDGEMENT, Instant.parse("2026-11-25T12:00:00Z"));
    }

    @Test
    void anAgreedExtensionMovesTheStepAndWhatFollowsFromIt() {
        CaseFacts extended =
                CaseFacts.arrivedAt(MONDAY_NOON)
                        .withSeverity("high")
                        .extend(
                                new Extension(
                                        Step.DISCLOSURE,
                                        PolicyDuration.parse("14d"),
                                        "Patch needs a protocol change",
                                        true));
        Map<Step, Instant> due = due(program(true), extended);
        assertThat(due)
                .containsEntry(Step.DISCLOSURE, Instant.parse("2027-03-07T12:00:00Z"))
                .containsEntry(Step.POST_MORTEM, Instant.parse("2027-03-21T12:00:00Z"));
    }

    @Test
    void extensionsNeedTheReportersAgreementAndAPolicyThatAllowsThem() {
        Extension unagreed = new Extension(Step.FIX, PolicyDuration.parse("7d"), "Busy", false);
        Extension agreed = new Extension(Step.FIX, PolicyDuration.parse("7d"), "Busy", true);
        assertThatThrownBy(
                        () ->
                                engine.timeline(
                                        program(true),
                                        CaseFacts.arrivedAt(MONDAY_NOON).extend(unagreed)))
                .hasMessageContaining("agreement");
        assertThatThrownBy(
                        () ->
                                engine.timeline(
                                        program(false),
                                        CaseFacts.arrivedAt(MONDAY_NOON).extend(agreed)))
                .hasMessageContaining("allows no extensions");
        assertThatThrownBy(() -> new Extension(Step.FIX, PolicyDuration.parse("7d"), " ", true))
                .hasMessageContaining("reason");
    }

    @Test
    void noPolicyExtendsARegulatoryClock() {
        Extension craDelay =
                new Extension(Step.CRA_EARLY_WARNING, PolicyDuration.parse("2d"), "Busy", true);

        assertThatThrownBy(
                        () ->
                                engine.timeline(
                                        program(true),
                                        CaseFacts.arrivedAt(MONDAY_NOON).extend(craDelay)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no policy extends it");
    }

    @Test
    void aFixBeforeTriageWaitsForTheSeverityAndNextReleaseHasNoDate() {
        assertThat(engine.timeline(program(true), CaseFacts.arrivedAt(MONDAY_NOON)))
                .filteredOn(date -> date.step() == Step.FIX)
                .singleElement()
                .satisfies(fix -> assertThat(fix.due()).isNull())
                .satisfies(fix -> assertThat(fix.basis()).contains("severity"));
        assertThat(due(program(true), CaseFacts.arrivedAt(MONDAY_NOON).withSeverity("low")))
                .containsEntry(Step.FIX, null);
    }

    private Map<Step, Instant> due(Program program, CaseFacts facts) {
        Map<Step, Instant> due = new EnumMap<>(Step.class);
        engine.timeline(program, facts).forEach(date -> due.put(date.step(), date.due()));
        return due;
    }

    private static Program program(boolean extensionsAllowed) {
        return new ProgramFiles().read(POLICY.formatted(extensionsAllowed), "engine.yaml");
    }
}
