package dev.embargo.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each seed SECURITY.md, as its program file under deploy/programs, keeps the seed's own figures.
 */
class SeedProgramsTest {

    /** Friday 27 November 2026, 18:00 UTC: a report that arrives as the week ends. */
    private static final Instant FRIDAY_EVENING = Instant.parse("2026-11-27T18:00:00Z");

    private static Map<String, Program> programs;
    private final DeadlineEngine engine = new DeadlineEngine();

    @BeforeAll
    static void loadTheShippedProgramFiles() {
        programs =
                new ProgramFiles()
                        .readDirectory(Path.of("../deploy/programs")).stream()
                                .collect(Collectors.toMap(Program::slug, Function.identity()));
    }

    @Test
    void shipsTheFiveSeedPrograms() {
        assertThat(programs)
                .containsOnlyKeys(
                        "pea2pea", "oxpulse-partner-edge", "x0tta6bl4", "emek", "moqtail");
    }

    @Test
    void pea2peaSetsNoDueTimeAndKeepsItsScopeClasses() {
        Program program = programs.get("pea2pea");
        assertThat(timeline(program, CaseFacts.arrivedAt(FRIDAY_EVENING)))
                .containsEntry(Step.ACKNOWLEDGEMENT, null)
                .containsEntry(Step.TRIAGE, null)
                .doesNotContainKey(Step.DISCLOSURE);
        assertThat(ids(program.policy().scope().inScope()))
                .containsExactly("resource-leak", "limit-bypass", "panic-vector");
        assertThat(ids(program.policy().scope().outOfScope()))
                .containsExactly("protocol-logic", "unencrypted-traffic", "application-dos");
        assertThat(program.channels())
                .extracting(Program.IntakeChannel::type)
                .contains("github-private-reporting");
    }

    @Test
    void oxpulseAcknowledgesInThreeBusinessDaysTriagesInTenAndDisclosesInNinetyDays() {
        Map<Step, Instant> due =
                timeline(programs.get("oxpulse-partner-edge"), CaseFacts.arrivedAt(FRIDAY_EVENING));
        assertThat(due)
                .containsEntry(Step.ACKNOWLEDGEMENT, Instant.parse("2026-12-02T18:00:00Z"))
                .containsEntry(Step.TRIAGE, Instant.parse("2026-12-11T18:00:00Z"))
                .containsEntry(Step.DISCLOSURE, Instant.parse("2027-02-25T18:00:00Z"));
    }

    @Test
    void oxpulseExpeditesActivelyExploitedCasesToDays() {
        Program program = programs.get("oxpulse-partner-edge");
        assertThat(program.policy().expedited().when())
                .containsExactly("actively-exploited", "trivially-exploitable");
        Map<Step, Instant> due = timeline(program, CaseFacts.arrivedAt(FRIDAY_EVENING).expedite());
        assertThat(due)
                .containsEntry(Step.FIX, Instant.parse("2026-12-04T18:00:00Z"))
                .containsEntry(Step.DISCLOSURE, Instant.parse("2026-12-04T18:00:00Z"))
                .containsEntry(Step.ACKNOWLEDGEMENT, Instant.parse("2026-12-02T18:00:00Z"));
    }

    @Test
    void oxpulseExtendsDisclosureOnlyWithTheReportersAgreement() {
        Program program = programs.get("oxpulse-partner-edge");
        CaseFacts agreed =
                CaseFacts.arrivedAt(FRIDAY_EVENING)
                        .extend(
                                new Extension(
                                        Step.DISCLOSURE,
                                        PolicyDuration.parse("30d"),
                                        "Fix needs a protocol change",
                                        true));
        assertThat(timeline(program, agreed))
                .containsEntry(Step.DISCLOSURE, Instant.parse("2027-03-27T18:00:00Z"));
        CaseFacts unilateral =
                CaseFacts.arrivedAt(FRIDAY_EVENING)
                        .extend(
                                new Extension(
                                        Step.DISCLOSURE,
                                        PolicyDuration.parse("30d"),
                                        "We are busy",
                                        false));
        assertThatThrownBy(() -> engine.timeline(program, unilateral))
                .hasMessageContaining("reporter's agreement");
        assertThat(ids(program.policy().scope().outOfScope()))
                .contains("third-party-dependency", "unregistered-partner-node");
        assertThat(ids(program.policy().scope().inScope())).contains("registered-partner-node");
    }

    @Test
    void x0tta6bl4AcknowledgesIn72HoursAndHoldsPostMortemsFromHighUp() {
        Program program = programs.get("x0tta6bl4");
        CaseFacts arrived = CaseFacts.arrivedAt(FRIDAY_EVENING);
        assertThat(timeline(program, arrived))
                .containsEntry(Step.ACKNOWLEDGEMENT, Instant.parse("2026-11-30T18:00:00Z"))
                .containsEntry(Step.TRIAGE, Instant.parse("2026-12-04T18:00:00Z"));
        assertThat(engine.timeline(program, arrived.withSeverity("medium")))
                .extracting(Deadline::step)
                .doesNotContain(Step.POST_MORTEM);
        assertThat(engine.timeline(program, arrived.withSeverity("high")))
                .extracting(Deadline::step)
                .contains(Step.POST_MORTEM);
        assertThat(program.policy().reportContents().required()).contains("cia-impact");
    }

    @Test
    void x0tta6bl4FlagsReportsAgainstVersionsBefore1dot0() {
        List<DisclosurePolicy.SupportedVersion> table =
                programs.get("x0tta6bl4").policy().supportedVersions();
        assertThat(VersionSupport.of(table, "1.0.4")).isEqualTo(VersionSupport.SUPPORTED);
        assertThat(VersionSupport.of(table, "v0.9.2")).isEqualTo(VersionSupport.UNSUPPORTED);
    }

    @Test
    void emekFixesBySeverityFrom24HoursToTheNextRelease() {
        Program program = programs.get("emek");
        CaseFacts arrived = CaseFacts.arrivedAt(FRIDAY_EVENING);
        assertThat(timeline(program, arrived))
                .containsEntry(Step.ACKNOWLEDGEMENT, Instant.parse("2026-11-29T18:00:00Z"))
                .containsEntry(Step.STATUS_UPDATE, Instant.parse("2026-12-04T18:00:00Z"))
                .containsEntry(Step.FIX, null);
        assertThat(timeline(program, arrived.withSeverity("critical")))
                .containsEntry(Step.FIX, Instant.parse("2026-11-28T18:00:00Z"));
        assertThat(timeline(program, arrived.withSeverity("high")))
                .containsEntry(Step.FIX, Instant.parse("2026-12-04T18:00:00Z"));
        assertThat(timeline(program, arrived.withSeverity("medium")))
                .containsEntry(Step.FIX, Instant.parse("2026-12-11T18:00:00Z"));
        assertThat(timeline(program, arrived.withSeverity("low"))).containsEntry(Step.FIX, null);
        assertThat(program.policy().severity().levels().getFirst().examples())
                .contains("Remote code execution");
    }

    @Test
    void moqtailDisclosesWithin30DaysAfterAFiveDayPreReleaseAndAPostMortemWithin14() {
        Program program = programs.get("moqtail");
        Map<Step, Instant> due = timeline(program, CaseFacts.arrivedAt(FRIDAY_EVENING));
        assertThat(due)
                .containsEntry(Step.ACKNOWLEDGEMENT, Instant.parse("2026-12-02T18:00:00Z"))
                .containsEntry(Step.TRIAGE, Instant.parse("2026-12-04T18:00:00Z"))
                .containsEntry(Step.FIX, Instant.parse("2026-12-27T18:00:00Z"))
                .containsEntry(Step.PRE_RELEASE, Instant.parse("2026-12-22T18:00:00Z"))
                .containsEntry(Step.DISCLOSURE, Instant.parse("2026-12-27T18:00:00Z"))
                .containsEntry(Step.POST_MORTEM, Instant.parse("2027-01-10T18:00:00Z"));
        assertThat(program.policy().disclosure().partnerGroups())
                .extracting(
                        DisclosurePolicy.PartnerGroup::id, group -> group.maxEmbargo().toString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("downstream-brokers", "5d"),
                        org.assertj.core.groups.Tuple.tuple("distributions", "5d"));
        assertThat(program.policy().reportContents().recommended()).contains("proposed-patch");
    }

    @Test
    void moqtailFixesMainAndTheAlphaLineOnly() {
        List<DisclosurePolicy.SupportedVersion> table =
                programs.get("moqtail").policy().supportedVersions();
        assertThat(VersionSupport.of(table, "main")).isEqualTo(VersionSupport.SUPPORTED);
        assertThat(VersionSupport.of(table, "v0.1.3")).isEqualTo(VersionSupport.SUPPORTED);
        assertThat(VersionSupport.of(table, "0.0.9")).isEqualTo(VersionSupport.UNSUPPORTED);
    }

    @Test
    void everySeedSurvivesTheTripThroughItsJsonFormUnchanged() {
        ProgramFiles files = new ProgramFiles();
        programs.values()
                .forEach(
                        program ->
                                assertThat(
                                                files.read(
                                                        files.toJson(program),
                                                        program.slug() + ".json"))
                                        .isEqualTo(program));
    }

    private Map<Step, Instant> timeline(Program program, CaseFacts facts) {
        Map<Step, Instant> due = new java.util.EnumMap<>(Step.class);
        engine.timeline(program, facts).forEach(date -> due.put(date.step(), date.due()));
        return due;
    }

    private static List<String> ids(List<DisclosurePolicy.ScopeClass> classes) {
        return classes.stream().map(DisclosurePolicy.ScopeClass::id).toList();
    }
}
