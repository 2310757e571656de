package dev.embargo.policy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.PatchFailedException;
import dev.embargo.policy.io.ProgramFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy command as CI runs it: findings one a line, and exit status 0, 1 or 2. */
class PolicyCommandTest {

    private static final String PROGRAM =
            """
            apiVersion: embargo.dev/program/v1
            slug: sample
            name: Sample
            timeZone: Europe/Berlin
            contacts:
              - email: security@sample.example
            openPgp:
              status: forthcoming
            channels:
              - type: web
            policy:
              scope:
                inScope:
                  - { id: memory-safety, title: Memory safety }
              severity:
                basis: named
                levels:
                  - name: high
                  - name: low
              deadlines:
                acknowledgement: 2bd
                fixBySeverity: { high: 7d, low: next-release }
                disclosure: 90d
              expedited:
                when: [actively-exploited]
                deadlines: { acknowledgement: 24h }
              disclosure:
                credit: [named]
                partnerGroups:
                  - { id: distros, maxEmbargo: 14d }
            """;

    @TempDir Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void checkPassesTheRepositorysProgramFiles() throws IOException {
        List<String> seeds = programFiles();
        assertThat(seeds).isNotEmpty();
        assertThat(run(Stream.concat(Stream.of("check"), seeds.stream()).toArray(String[]::new)))
                .isZero();
        assertThat(out()).isEmpty();
        assertThat(err()).contains(seeds.size() + " files checked: 0 errors, 0 warnings");
    }

    @Test
    void checkPrintsEachErrorWithFileLineAndFieldAndExitsOne() throws IOException {
        String file = write("bad.yaml", PROGRAM.replace("disclosure: 90d", "disclosure: 3 months"));
        assertThat(run("check", file)).isEqualTo(1);
        assertThat(out())
                .isEqualTo(
                        file
                                + ":23: error: policy.deadlines.disclosure: '3 months' is not a"
                                + " duration: months are not supported; write days, e.g. 90d, or"
                                + " weeks (durations are like 72h, 7d, 5bd, 2w, next-release or"
                                + " best-effort)\n");
        assertThat(err()).contains("1 file checked: 1 error, 0 warnings");
    }

    @Test
    void checkPrintsWarningsAndStillExitsZero() throws IOException {
        String file =
                write("warned.yaml", PROGRAM.replace("maxEmbargo: 14d", "maxEmbargo: best-effort"));
        assertThat(run("check", file)).isZero();
        assertThat(out())
                .startsWith(
                        file
                                + ":30: warning: policy.disclosure.partnerGroups[0].maxEmbargo:"
                                + " 'best-effort' sets no maximum");
    }

    @Test
    void checkWithStrictFailsOnAWarning() throws IOException {
        String file =
                write("warned.yaml", PROGRAM.replace("maxEmbargo: 14d", "maxEmbargo: best-effort"));
        assertThat(run("check", "--strict", file)).isEqualTo(1);
    }

    @Test
    void checkGoesOnAfterAFileItCannotRead() throws IOException {
        String good = write("good.yaml", PROGRAM);
        String missing = directory.resolve("missing.yaml").toString();
        assertThat(run("check", missing, good)).isEqualTo(1);
        assertThat(out()).isEqualTo(missing + ": error: cannot read it: no such file\n");
        assertThat(err()).contains("2 files checked: 1 error, 0 warnings");
    }

    @Test
    void aCommandLineThatCannotRunExitsTwoWithTheReason() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("check")).isEqualTo(2);
        assertThat(err()).contains("embargo policy: check needs at least one program file");
        assertThat(run("check", "--fast", "a.yaml")).isEqualTo(2);
        assertThat(err()).contains("unknown option --fast");
        assertThat(run("verify", "a.yaml")).isEqualTo(2);
        assertThat(err()).contains("unknown command 'verify'");
        assertThat(out()).isEmpty();
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(out())
                .startsWith("Usage: embargo policy COMMAND")
                .contains("check [--strict]")
                .contains("timeline FILE --arrived TIME");
    }

    @Test
    void timelinePrintsTheEngineDatesInTheProgramsTimeZone() throws IOException {
        String file = write("sample.yaml", PROGRAM);
        // Monday 2026-03-02 11:00 in Berlin: 2 business days later is Wednesday, and 90 days later
        // is 11:00 again, in summer time.
        assertThat(run("timeline", file, "--arrived", "2026-03-02T10:00Z", "--severity", "high"))
                .isZero();
        assertThat(out().lines())
                .contains(
                        "sample (Sample), times in Europe/Berlin",
                        "ARRIVED          Mon 2026-03-02 11:00 CET",
                        "SEVERITY         high",
                        "ACKNOWLEDGEMENT  Wed 2026-03-04 11:00 CET   2bd          after arrival",
                        "FIX              Mon 2026-03-09 11:00 CET   7d           for severity"
                                + " high, after arrival",
                        "DISCLOSURE       Sun 2026-05-31 11:00 CEST  90d          after arrival");
    }

    @Test
    void timelineReadsALocalArrivalInTheProgramsTimeZoneAndTheExpeditedTrack() throws IOException {
        String file = write("sample.yaml", PROGRAM);
        assertThat(run("timeline", file, "--arrived=2026-03-02T11:00", "--expedited")).isZero();
        assertThat(out().lines())
                .contains(
                        "SEVERITY         not set                                 expedited track",
                        "ACKNOWLEDGEMENT  Tue 2026-03-03 11:00 CET   24h          after arrival"
                                + " (expedited)");
    }

    @Test
    void timelineRefusesWhatTheProgramDoesNotDefine() throws IOException {
        String file = write("sample.yaml", PROGRAM);
        assertThat(run("timeline", file, "--arrived", "2026-03-02T10:00Z", "--severity", "urgent"))
                .isEqualTo(2);
        assertThat(err())
                .contains("--severity: 'urgent' is not a severity level of sample (high, low)");
        assertThat(run("timeline", file, "--arrived", "yesterday")).isEqualTo(2);
        assertThat(err()).contains("--arrived: 'yesterday' is not a time");
        assertThat(run("timeline", file)).isEqualTo(2);
        assertThat(err()).contains("timeline needs --arrived");
    }

    @Test
    void timelineOfAnInvalidFilePrintsItsErrorsAndExitsOne() throws IOException {
        String file = write("bad.yaml", PROGRAM.replace("disclosure: 90d", "disclosure: soon"));
        assertThat(run("timeline", file, "--arrived", "2026-03-02T10:00Z")).isEqualTo(1);
        assertThat(out()).isEmpty();
        assertThat(err()).startsWith(file + ":23: error: policy.deadlines.disclosure:");
    }

    @Test
    void timelineRefusesATrackTheProgramDoesNotHave() throws IOException {
        String file = write("sample.yaml", PROGRAM);
        assertThat(run("timeline", file, "--arrived", "2026-03-02T10:00Z", "--track", "urgent"))
                .isEqualTo(2);
        assertThat(err()).contains("--track: 'urgent' is not a track of sample, which has none");
        assertThat(
                        run(
                                "timeline",
                                file,
                                "--arrived",
                                "2026-03-02T10:00Z",
                                "--fix-released",
                                "soon"))
                .isEqualTo(2);
        assertThat(err()).contains("--fix-released: 'soon' is not a time");
    }

    @Test
    void migratePrintsAUnifiedDiffThatMakesTheSameProgramInV2()
            throws IOException, PatchFailedException {
        String file = write("sample.yaml", PROGRAM);
        assertThat(run("migrate", file)).isZero();
        assertThat(out())
                .startsWith("--- " + file + "\n+++ " + file + "\n@@ -1,4 +1,4 @@\n")
                .contains(
                        "-apiVersion: embargo.dev/program/v1\n"
                                + "+apiVersion: embargo.dev/program/v2\n");
        List<String> migrated =
                DiffUtils.patch(
                        PROGRAM.lines().toList(),
                        UnifiedDiffUtils.parseUnifiedDiff(out().lines().toList()));
        ProgramFiles files = new ProgramFiles();
        assertThat(files.toJson(files.read(String.join("\n", migrated), "migrated")))
                .isEqualTo(files.toJson(files.read(PROGRAM, "original")));
    }

    @Test
    void migrateLeavesEveryRepositoryProgramFileTheSameProgram() throws IOException {
        for (String seed : programFiles()) {
            assertThat(run("migrate", seed)).as(seed + ": " + err()).isZero();
            assertThat(out()).as(seed).contains("+apiVersion: embargo.dev/program/v2");
        }
    }

    @Test
    void migrateOfAV2FileHasNothingToDo() throws IOException {
        String file = write("sample.yaml", PROGRAM.replace("program/v1", "program/v2"));
        assertThat(run("migrate", file)).isZero();
        assertThat(out()).isEmpty();
        assertThat(err()).contains("nothing to migrate");
    }

    @Test
    void migrateOfAFileWithErrorsPrintsThemAndNoDiff() throws IOException {
        String file = write("bad.yaml", PROGRAM.replace("disclosure: 90d", "disclosure: soon"));
        assertThat(run("migrate", file)).isEqualTo(1);
        assertThat(out()).isEmpty();
        assertThat(err()).startsWith(file + ":23: error: policy.deadlines.disclosure:");
    }

    private static List<String> programFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../deploy/programs"))) {
            return files.filter(file -> file.toString().endsWith(".yaml"))
                    .map(Path::toString)
                    .sorted()
                    .toList();
        }
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return PolicyCommand.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String write(String name, String text) throws IOException {
        return Files.writeString(directory.resolve(name), text).toString();
    }
}
