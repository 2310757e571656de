package dev.embargo.benchmarks;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import org.knowm.xchart.XYChart;

/**
 * The highest rate the whole platform sustains: submit → acknowledgement email p99 under a second.
 *
 * <p>Runs {@link AckLatency}'s measurement at each rate in turn, lowest first, for the same number
 * of seconds each, after a warm-up at the lowest rate, and stops at the first rate whose p99 is a
 * second or more (the backlog it leaves would spoil the next). The sustained rate is the highest
 * step under the bound: the true figure lies between it and the next step.
 *
 * <p>Run with {@code ./embargo bench sustained [seconds-per-step] [rates...]}; the run replaces its
 * section of RESULTS.md.
 */
public class SustainedRate {

    private static final long BOUND_MILLIS = 1_000;
    private static final int TARGET_PER_SECOND = 200;
    private static final List<Integer> DEFAULT_RATES = List.of(25, 50, 100, 150, 200, 250, 300);

    public static void main(String[] args) throws Exception {
        double loadAtStart = Machine.loadAverage();
        int secondsPerStep = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        List<Integer> rates =
                args.length > 1
                        ? Arrays.stream(args, 1, args.length).map(Integer::valueOf).toList()
                        : DEFAULT_RATES;
        String intake = StackPorts.url("EMBARGO_INTAKE_PORT", "8081");
        String mailApi = StackPorts.url("EMBARGO_MAIL_API_PORT", "8025");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String run = UUID.randomUUID().toString().substring(0, 8);

        System.out.printf("Warming up at %d/s for %d s...%n", rates.getFirst(), secondsPerStep);
        AckLatency.measure(
                http,
                intake,
                mailApi,
                run + "-warm",
                rates.getFirst() * secondsPerStep,
                rates.getFirst());
        List<Step> steps = new ArrayList<>();
        for (int rate : rates) {
            List<Long> latencies =
                    AckLatency.sortedLatencies(
                            AckLatency.measure(
                                    http,
                                    intake,
                                    mailApi,
                                    run + "-" + rate,
                                    rate * secondsPerStep,
                                    rate));
            Step step =
                    new Step(
                            rate,
                            Percentiles.nearestRank(latencies, 50),
                            Percentiles.nearestRank(latencies, 99));
            steps.add(step);
            System.out.printf(
                    "%d/s for %d s: p50=%d ms p99=%d ms%n",
                    rate, secondsPerStep, step.p50(), step.p99());
            if (step.p99() >= BOUND_MILLIS) {
                break;
            }
        }
        Figure sustained = sustainedRate(steps);
        System.out.printf(
                "highest rate with p99 < 1 s: %s (target %d/s)%n",
                sustained.value(), TARGET_PER_SECOND);

        List<Figure> figures = new ArrayList<>();
        figures.add(sustained);
        for (Step step : steps) {
            figures.add(
                    Figure.of(
                            step.perSecond() + "/s for " + secondsPerStep + " s, p50 / p99",
                            step.p50() + " / " + step.p99() + " ms"));
        }
        ResultsFile.inBenchmarksDirectory()
                .record(
                        Run.finishedNow(
                                Benchmark.SUSTAINED_RATE,
                                loadAtStart,
                                Benchmark.SUSTAINED_RATE.command(
                                        secondsPerStep,
                                        String.join(
                                                " ", rates.stream().map(String::valueOf).toList())),
                                figures),
                        chart(steps));
    }

    /**
     * The highest step whose p99 stayed under the bound, next to the target. When even the first
     * step missed, the rate is only known to be below it: "0 reports/s" would read as measured.
     */
    static Figure sustainedRate(List<Step> steps) {
        OptionalInt sustained =
                steps.stream()
                        .filter(step -> step.p99() < BOUND_MILLIS)
                        .mapToInt(Step::perSecond)
                        .max();
        String value =
                sustained.isPresent()
                        ? sustained.getAsInt() + " reports/s"
                        : "below " + steps.getFirst().perSecond() + " reports/s (the lowest step)";
        return Figure.of("highest rate with submit → ack email p99 < 1 s", value)
                .withTarget(
                        "≥ " + TARGET_PER_SECOND + "/s", sustained.orElse(0) >= TARGET_PER_SECOND);
    }

    /** One rate's latencies. */
    record Step(int perSecond, long p50, long p99) {}

    private static XYChart chart(List<Step> steps) {
        XYChart chart =
                Charts.points(
                        "Submit → acknowledgement email by rate",
                        "reports per second",
                        "latency (ms)");
        List<Integer> rates = steps.stream().map(Step::perSecond).toList();
        chart.addSeries("p50", rates, steps.stream().map(Step::p50).toList());
        chart.addSeries("p99", rates, steps.stream().map(Step::p99).toList());
        Charts.target(chart, "p99 < 1 s", rates.getFirst(), rates.getLast(), BOUND_MILLIS);
        return chart;
    }
}
