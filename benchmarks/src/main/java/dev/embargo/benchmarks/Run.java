package dev.embargo.benchmarks;

import java.time.Instant;
import java.util.List;

/**
 * One run of a benchmark as RESULTS.md records it: when, where, how it was started and what it
 * measured.
 */
public record Run(
        Benchmark benchmark,
        Instant finished,
        Machine machine,
        String command,
        List<Figure> figures) {

    /**
     * A run that finished just now on this machine, which it started when the load average was
     * {@code loadAtStart} ({@link Machine#loadAverage()} read first thing in the benchmark).
     */
    public static Run finishedNow(
            Benchmark benchmark, double loadAtStart, String command, List<Figure> figures) {
        return new Run(benchmark, Instant.now(), Machine.current(loadAtStart), command, figures);
    }
}
