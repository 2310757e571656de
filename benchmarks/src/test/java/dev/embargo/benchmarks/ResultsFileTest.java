package dev.embargo.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFileTest {

    private static final Machine MACHINE =
            new Machine(2, 24L << 30, "Test CPU", "JDK 25 (Test)", 15.58, 21.04);

    private static Run run(Benchmark benchmark, String day, String figure) {
        return new Run(
                benchmark,
                Instant.parse(day + "T12:00:00Z"),
                MACHINE,
                benchmark.command(1),
                List.of(Figure.of(figure, "1 ms")));
    }

    @Test
    void aFirstRunWritesTheHeaderAndItsOwnSectionOnly() {
        String results =
                ResultsFile.withSection(
                        "", run(Benchmark.WEBHOOK_FAN_OUT, "2026-12-05", "fan-out"));

        assertThat(results)
                .startsWith("# Benchmark results\n")
                .contains("./embargo bench intake [per-second]")
                .contains("<!-- webhook-fan-out: begin -->")
                .doesNotContain("<!-- ack-latency: begin -->");
        assertThat(ResultsFile.sections(results)).containsOnlyKeys(Benchmark.WEBHOOK_FAN_OUT);
    }

    @Test
    void aRunReplacesItsBenchmarksSectionAndKeepsTheOthers() {
        String earlier =
                ResultsFile.withSection(
                        ResultsFile.withSection(
                                "", run(Benchmark.ACK_LATENCY, "2026-12-01", "old latency")),
                        run(Benchmark.INTAKE_THROUGHPUT, "2026-12-02", "intake peak"));

        String results =
                ResultsFile.withSection(
                        earlier, run(Benchmark.ACK_LATENCY, "2026-12-05", "new latency"));

        assertThat(results)
                .contains("new latency", "2026-12-05 12:00 UTC")
                .doesNotContain("old latency", "2026-12-01");
        assertThat(ResultsFile.sections(results).get(Benchmark.INTAKE_THROUGHPUT))
                .isEqualTo(ResultsFile.sections(earlier).get(Benchmark.INTAKE_THROUGHPUT));
    }

    @Test
    void sectionsFollowTheBenchmarksOrderWhicheverRanFirst() {
        String results =
                ResultsFile.withSection(
                        ResultsFile.withSection(
                                "", run(Benchmark.INTAKE_THROUGHPUT, "2026-12-02", "intake peak")),
                        run(Benchmark.ACK_LATENCY, "2026-12-05", "latency"));

        assertThat(results.indexOf("<!-- ack-latency: begin -->"))
                .isLessThan(results.indexOf("<!-- intake-throughput: begin -->"));
    }

    @Test
    void aSectionListsEachFigureWithItsTargetAndWhetherItWasMet() {
        Run run =
                new Run(
                        Benchmark.ACK_LATENCY,
                        Instant.parse("2026-12-05T08:30:00Z"),
                        MACHINE,
                        "./embargo bench 200 20",
                        List.of(
                                Figure.of("p50 after the warm-up", "80 ms")
                                        .withTarget("< 100 ms", true),
                                Figure.of("p99 after the warm-up", "400 ms")
                                        .withTarget("< 300 ms", false),
                                Figure.of("reports", "200 at 20/s")));

        assertThat(
                        ResultsFile.sections(ResultsFile.withSection("", run))
                                .get(Benchmark.ACK_LATENCY))
                .contains(
                        "`./embargo bench 200 20`, 2026-12-05 08:30 UTC, on 2 cores, 24.0 GiB, Test"
                                + " CPU, JDK 25 (Test), load average 15.6 at the start, 21.0 at the"
                                + " end.",
                        "| p50 after the warm-up | 80 ms | < 100 ms | met |",
                        "| p99 after the warm-up | 400 ms | < 300 ms | **missed** |",
                        "| reports | 200 at 20/s |  |  |",
                        "![Submit → acknowledgement email latency](charts/ack-latency.png)");
    }

    /** A run on a loaded machine must say so, or its figures read as the platform's own. */
    @Test
    void aMachineWhoseLoadIsUnknownSaysSoInsteadOfAFigure() {
        Machine unknownLoad =
                new Machine(2, 24L << 30, "Test CPU", "JDK 25 (Test)", Double.NaN, 3.0);

        assertThat(unknownLoad.describe()).endsWith("JDK 25 (Test), load average unknown");
    }

    @Test
    void recordingARunWritesTheFileAndTheChartBesideIt(@TempDir Path directory) throws IOException {
        new ResultsFile(directory)
                .record(
                        run(Benchmark.ACK_LATENCY, "2026-12-05", "latency"),
                        Charts.points("latency", "s", "ms"));

        assertThat(Files.readString(directory.resolve("RESULTS.md")))
                .contains("<!-- ack-latency: end -->");
        assertThat(directory.resolve("charts/ack-latency.png")).isRegularFile();
    }

    /** RESULTS.md is only ever written by the benchmarks: a hand edit to its header shows here. */
    @Test
    void theCommittedResultsFileIsAsTheBenchmarksWriteIt() throws IOException {
        String committed = Files.readString(Path.of(ResultsFile.NAME));

        assertThat(ResultsFile.render(ResultsFile.sections(committed))).isEqualTo(committed);
    }
}
