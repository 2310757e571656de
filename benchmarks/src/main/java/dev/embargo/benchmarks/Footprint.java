package dev.embargo.benchmarks;

import dev.embargo.localstack.EmbargoService;
import dev.embargo.localstack.LocalStack;
import dev.embargo.localstack.StackSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.knowm.xchart.CategoryChart;

/**
 * Start time and memory of each service alone, with the infrastructure up ({@code ./embargo
 * infra-up}) and no other service running: what a small team's node pays per service.
 *
 * <p>Each service is started twice. The cold start has no start cache (the JDK's AOT cache that
 * {@link EmbargoService} records on a first start and writes when the service stops); the warm
 * start loads the one the cold start left. Time to ready runs from the process start to the first
 * 200 of {@code /q/health/ready}. Resident memory (VmRSS) is read after the warm start at rest,
 * then after a short load: concurrent clients reading the readiness check (a query to PostgreSQL,
 * the Kafka channels) and the metrics, which every service serves without a token.
 *
 * <p>Run with {@code ./embargo bench footprint [load-seconds] [service...]}; the run replaces its
 * section of RESULTS.md.
 */
public class Footprint {

    private static final double READY_TARGET_SECONDS = 2;
    private static final long RSS_TARGET_MB = 200;
    private static final int CLIENTS = 8;
    private static final Duration SETTLE = Duration.ofSeconds(3);

    /** {@code cached}: whether the second start loaded a start cache, i.e. was a warm start. */
    private record Measured(
            String service,
            double coldReady,
            double warmReady,
            boolean cached,
            long restMb,
            long loadedMb) {

        boolean memoryMet() {
            return restMb < RSS_TARGET_MB && loadedMb < RSS_TARGET_MB;
        }
    }

    public static void main(String[] args) throws Exception {
        double loadAtStart = Machine.loadAverage();
        int loadSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<String> services =
                args.length > 1
                        ? List.of(args).subList(1, args.length)
                        : StackSettings.ALL_SERVICES;
        LocalStack stack = LocalStack.create(StackSettings.fromEnvironment());
        for (String name : StackSettings.ALL_SERVICES) {
            if (stack.service(name).isRunning()) {
                throw new IllegalStateException(
                        name
                                + " runs: measure each service alone (./embargo down; ./embargo"
                                + " infra-up)");
            }
        }
        System.out.println("Starting the infrastructure (PostgreSQL, Kafka, Keycloak, mail)...");
        stack.startInfrastructure();
        List<Measured> results = new ArrayList<>();
        for (String name : services) {
            results.add(measure(stack.service(name), Duration.ofSeconds(loadSeconds)));
        }
        record(loadAtStart, loadSeconds, results);
    }

    private static Measured measure(EmbargoService service, Duration load) throws Exception {
        service.forgetStartCache();
        double cold = startAndTime(service);
        service.stop(); // writes the start cache, unless the JDK could not in the stop's grace time
        boolean cached = service.hasStartCache();
        double warm = startAndTime(service);
        Thread.sleep(SETTLE);
        long pid = service.pid().orElseThrow();
        long rest = residentMb(pid);
        long requests = underLoad(service, load);
        long loaded = residentMb(pid);
        service.stop();
        System.out.printf(
                "%-8s ready cold %.2f s, warm %.2f s (target < %.0f s); RSS at rest %d MB, after"
                        + " %d requests %d MB (target < %d MB)%n",
                service.service(),
                cold,
                warm,
                READY_TARGET_SECONDS,
                rest,
                requests,
                loaded,
                RSS_TARGET_MB);
        return new Measured(service.service(), cold, warm, cached, rest, loaded);
    }

    private static double startAndTime(EmbargoService service) {
        long started = System.nanoTime();
        service.start();
        service.awaitReady();
        return (System.nanoTime() - started) / 1e9;
    }

    /** Readiness and metrics from {@link #CLIENTS} clients for the whole duration; how many. */
    private static long underLoad(EmbargoService service, Duration duration) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<HttpRequest> requests =
                List.of(
                        HttpRequest.newBuilder(
                                        URI.create(service.managementUrl() + "/health/ready"))
                                .build(),
                        HttpRequest.newBuilder(URI.create(service.managementUrl() + "/metrics"))
                                .build());
        AtomicLong done = new AtomicLong();
        long until = System.nanoTime() + duration.toNanos();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            for (int client = 0; client < CLIENTS; client++) {
                clients.submit(
                        () -> {
                            while (System.nanoTime() < until) {
                                http.send(
                                        requests.get((int) (done.incrementAndGet() % 2)),
                                        HttpResponse.BodyHandlers.discarding());
                            }
                            return null;
                        });
            }
        }
        return done.get();
    }

    private static long residentMb(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                        .filter(line -> line.startsWith("VmRSS:"))
                        .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                        .findFirst()
                        .orElseThrow()
                / 1024;
    }

    private static void record(double loadAtStart, int loadSeconds, List<Measured> results)
            throws IOException {
        List<Figure> figures = new ArrayList<>();
        for (Measured result : results) {
            figures.add(
                    Figure.of(
                                    result.service()
                                            + (result.cached()
                                                    ? ": ready, warm start"
                                                    : ": ready, second start (no start cache"
                                                            + " written)"),
                                    seconds(result.warmReady()))
                            .withTarget(
                                    "< %.0f s".formatted(READY_TARGET_SECONDS),
                                    result.warmReady() < READY_TARGET_SECONDS));
            figures.add(
                    Figure.of(result.service() + ": ready, cold start", seconds(result.coldReady()))
                            .withTarget(
                                    "< %.0f s".formatted(READY_TARGET_SECONDS),
                                    result.coldReady() < READY_TARGET_SECONDS));
            figures.add(
                    Figure.of(
                                    result.service()
                                            + ": RSS at rest / after %d s of load"
                                                    .formatted(loadSeconds),
                                    "%d MB / %d MB".formatted(result.restMb(), result.loadedMb()))
                            .withTarget("< %d MB".formatted(RSS_TARGET_MB), result.memoryMet()));
        }
        figures.add(
                Figure.of(
                        "service JVM options",
                        String.join(" ", StackSettings.fromEnvironment().serviceJvmOptions())));
        String command =
                Benchmark.FOOTPRINT.command(
                        Stream.concat(
                                        Stream.of(loadSeconds),
                                        results.stream().map(Measured::service))
                                .toArray());
        ResultsFile.inBenchmarksDirectory()
                .record(
                        Run.finishedNow(Benchmark.FOOTPRINT, loadAtStart, command, figures),
                        chart(results));
    }

    private static String seconds(double value) {
        return "%.2f s".formatted(value);
    }

    /** Resident memory per service at rest and after the load, next to the target. */
    private static CategoryChart chart(List<Measured> results) {
        CategoryChart chart =
                Charts.bars("Each service alone: resident memory", "service", "MB (VmRSS)");
        List<String> names = results.stream().map(Measured::service).toList();
        chart.addSeries(
                "at rest",
                names,
                results.stream().map(result -> (double) result.restMb()).toList());
        chart.addSeries(
                "after the load",
                names,
                results.stream().map(result -> (double) result.loadedMb()).toList());
        Charts.target(chart, "target < " + RSS_TARGET_MB + " MB", names, RSS_TARGET_MB);
        return chart;
    }
}
