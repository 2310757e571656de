package dev.embargo.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.knowm.xchart.XYChart;

/**
 * Submit → acknowledgement-email latency of a running stack ({@code ./embargo up --detach}).
 *
 * <p>Submits reports at a steady rate through intake's public API, the reports of each second to
 * one reporter address, and watches those mailboxes through the mail server's HTTP API until each
 * acknowledgement (its subject names the tracking id) has arrived. The latency of a report runs
 * from just before its POST to the first poll that sees its email, so it includes the whole chain:
 * intake's transaction, outbox relay, Kafka, triage's case and outbox, Kafka again, notify's queue
 * and SMTP. A mailbox is read every 20 ms, or at a twentieth of its oldest report's wait when that
 * is longer: the error is at most 20 ms or 5 %.
 *
 * <p>Run with {@code ./embargo bench [reports] [per-second]}; the run replaces its section of
 * RESULTS.md.
 */
public class AckLatency {

    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration GIVE_UP = Duration.ofMinutes(3);
    private static final int WARM_UP = 100;

    /** How long the services' CPU time is read at rest, to take what they spend idle out. */
    private static final Duration IDLE = Duration.ofSeconds(5);

    /** Triage's CPU per report (issue 31): its consumer, case, audit entry and outbox. */
    private static final double TRIAGE_CPU_TARGET_MILLIS = 2;

    /** The target for a cold stack holds over the first minute of load. */
    private static final Duration FIRST_MINUTE = Duration.ofMinutes(1);

    private static final Pattern TRACKING_ID_FIELD = Pattern.compile("\"trackingId\":\"([^\"]+)\"");
    private static final Pattern ACKNOWLEDGEMENT_SUBJECT =
            Pattern.compile("\"subject\":\"\\[([A-Z0-9-]+)\\] We received");

    public static void main(String[] args) throws Exception {
        double loadAtStart = Machine.loadAverage();
        int reports = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int perSecond = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String intake = StackPorts.url("EMBARGO_INTAKE_PORT", "8081");
        String mailApi = StackPorts.url("EMBARGO_MAIL_API_PORT", "8025");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String run = UUID.randomUUID().toString().substring(0, 8);

        Map<String, Double> idleMillisPerSecond = idleCpu();
        System.out.printf("Warming up with %d reports...%n", WARM_UP);
        long loadStarted = System.nanoTime();
        List<Sample> warmUp = measure(http, intake, mailApi, run + "-warm", WARM_UP, perSecond);
        System.out.printf("Measuring %d reports at %d per second...%n", reports, perSecond);
        ServiceCpu cpuBefore = ServiceCpu.readNow();
        long started = System.nanoTime();
        List<Sample> measured = measure(http, intake, mailApi, run, reports, perSecond);
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Double> cpuMillis = ServiceCpu.readNow().millisSince(cpuBefore);
        String load = ServiceCpu.loadAverage();

        List<Long> latencies = sortedLatencies(measured);
        List<Long> firstMinute =
                sortedLatencies(
                        Stream.concat(warmUp.stream(), measured.stream())
                                .filter(
                                        sample ->
                                                sample.submitted() - loadStarted
                                                        < FIRST_MINUTE.toNanos())
                                .toList());
        long p50 = Percentiles.nearestRank(latencies, 50);
        long p90 = Percentiles.nearestRank(latencies, 90);
        long p99 = Percentiles.nearestRank(latencies, 99);
        long firstMinuteP99 = Percentiles.nearestRank(firstMinute, 99);
        System.out.printf(
                "reports=%d rate=%d/s wall=%.1fs%n", latencies.size(), perSecond, seconds);
        System.out.printf(
                "submit->ack email latency ms: p50=%d p90=%d p99=%d max=%d%n",
                p50, p90, p99, latencies.getLast());
        System.out.printf(
                "first minute of load, warm-up included: reports=%d p99=%d ms%n",
                firstMinute.size(), firstMinuteP99);

        List<Figure> figures =
                new ArrayList<>(
                        List.of(
                                Figure.of(
                                                "p99, first minute of load (warm-up" + " included)",
                                                firstMinuteP99 + " ms")
                                        .withTarget("< 1 s", firstMinuteP99 < 1_000),
                                Figure.of("p50 after the warm-up", p50 + " ms")
                                        .withTarget("< 100 ms", p50 < 100),
                                Figure.of("p99 after the warm-up", p99 + " ms")
                                        .withTarget("< 300 ms", p99 < 300),
                                Figure.of(
                                        "p90 and max after the warm-up",
                                        p90 + " ms, " + latencies.getLast() + " ms"),
                                Figure.of(
                                        "reports",
                                        "%d warm-up, then %d at %d/s in %.1f s"
                                                .formatted(WARM_UP, reports, perSecond, seconds))));
        figures.addAll(cpuPerReport(cpuMillis, idleMillisPerSecond, seconds, reports, load));
        ResultsFile.inBenchmarksDirectory()
                .record(
                        Run.finishedNow(
                                Benchmark.ACK_LATENCY,
                                loadAtStart,
                                Benchmark.ACK_LATENCY.command(reports, perSecond),
                                figures),
                        chart(loadStarted, warmUp, measured));
    }

    /** Each running service's CPU milliseconds per second at rest, before any load. */
    private static Map<String, Double> idleCpu() throws InterruptedException {
        ServiceCpu before = ServiceCpu.readNow();
        Thread.sleep(IDLE);
        Map<String, Double> idle = new LinkedHashMap<>();
        ServiceCpu.readNow()
                .millisSince(before)
                .forEach((service, millis) -> idle.put(service, millis / IDLE.toSeconds()));
        return idle;
    }

    /**
     * Each service's CPU time in the measured phase per report, less what it spends at rest in as
     * long (schedulers, relays polling), so that a slow phase does not count as costly reports.
     */
    static List<Figure> cpuPerReport(
            Map<String, Double> cpuMillis,
            Map<String, Double> idleMillisPerSecond,
            double seconds,
            int reports,
            String load) {
        List<Figure> figures = new ArrayList<>();
        cpuMillis.forEach(
                (service, millis) -> {
                    double idle = idleMillisPerSecond.getOrDefault(service, 0.0) * seconds;
                    double perReport = Math.max(0, millis - idle) / reports;
                    System.out.printf(
                            "%s: %.2f ms CPU per report (%.0f ms in the phase, %.0f ms of it at"
                                    + " rest), load average %s%n",
                            service, perReport, millis, idle, load);
                    Figure figure =
                            Figure.of(
                                    service + ": CPU per report, rest subtracted",
                                    "%.2f ms (%.0f ms in %.1f s, %.0f ms of it at rest; load %s)"
                                            .formatted(perReport, millis, seconds, idle, load));
                    figures.add(
                            service.equals("triage")
                                    ? figure.withTarget(
                                            "< %.0f ms".formatted(TRIAGE_CPU_TARGET_MILLIS),
                                            perReport < TRIAGE_CPU_TARGET_MILLIS)
                                    : figure);
                });
        return figures;
    }

    /** A report's submission (nanoTime just before its POST) and its latency. */
    record Sample(long submitted, long latencyMillis) {}

    static List<Long> sortedLatencies(List<Sample> samples) {
        return samples.stream().map(Sample::latencyMillis).sorted().toList();
    }

    /**
     * Each report's latency at its submission time, the targets drawn over the phase they apply to.
     */
    private static XYChart chart(long loadStarted, List<Sample> warmUp, List<Sample> measured) {
        XYChart chart =
                Charts.points(
                        "Submit → acknowledgement email",
                        "submitted at (s since the first report)",
                        "latency (ms)");
        addPhase(chart, "warm-up", warmUp, loadStarted);
        addPhase(chart, "measured", measured, loadStarted);
        double measuredFrom = secondsSince(loadStarted, measured.getFirst());
        double end = secondsSince(loadStarted, measured.getLast());
        Charts.target(
                chart, "first minute p99 < 1 s", 0, Math.min(end, FIRST_MINUTE.toSeconds()), 1_000);
        Charts.target(chart, "warm p99 < 300 ms", measuredFrom, end, 300);
        Charts.target(chart, "warm p50 < 100 ms", measuredFrom, end, 100);
        return chart;
    }

    private static void addPhase(
            XYChart chart, String phase, List<Sample> samples, long loadStarted) {
        chart.addSeries(
                phase,
                samples.stream().map(sample -> secondsSince(loadStarted, sample)).toList(),
                samples.stream().map(Sample::latencyMillis).toList());
    }

    private static double secondsSince(long loadStarted, Sample sample) {
        return (sample.submitted() - loadStarted) / 1e9;
    }

    /**
     * Submits {@code reports} at {@code perSecond} and waits for each acknowledgement: every
     * report's latency, in submission order.
     */
    static List<Sample> measure(
            HttpClient http, String intake, String mailApi, String run, int reports, int perSecond)
            throws Exception {
        // Tracking id -> nanoTime just before its POST, and the mailbox its acknowledgement goes
        // to.
        Map<String, Long> submittedAt = new ConcurrentHashMap<>();
        Map<String, String> mailboxOf = new ConcurrentHashMap<>();
        Map<String, Long> latencies = new ConcurrentHashMap<>();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        try (var submitters = Executors.newVirtualThreadPerTaskExecutor()) {
            long periodNanos = 1_000_000_000L / perSecond;
            for (int i = 0; i < reports; i++) {
                // One reporter address per second of submissions: a poll reads the acknowledgements
                // of a
                // whole second at once. With an address per report, each pending report cost one
                // request
                // per poll, so a backlog multiplied the polling and the polling deepened the
                // backlog.
                String mailbox = "bench-%s-%04d@example.org".formatted(run, i / perSecond);
                pacer.schedule(
                        () ->
                                submitters.submit(
                                        () ->
                                                submit(
                                                        http,
                                                        intake,
                                                        mailbox,
                                                        submittedAt,
                                                        mailboxOf)),
                        i * periodNanos,
                        TimeUnit.NANOSECONDS);
            }
            long deadline = System.nanoTime() + GIVE_UP.toNanos() + reports * periodNanos;
            Map<String, Long> nextPollOf = new HashMap<>();
            while (latencies.size() < reports && System.nanoTime() < deadline) {
                // The oldest waiting report of each mailbox decides how often it is read: every 20
                // ms while
                // acknowledgements are quick, then at a twentieth of the wait, so a backlog costs a
                // few reads
                // a second instead of 50 per mailbox, at an error of at most 5 % of each latency.
                Map<String, Long> oldestWaitingOf = new HashMap<>();
                submittedAt.forEach(
                        (id, before) -> {
                            if (!latencies.containsKey(id)) {
                                oldestWaitingOf.merge(mailboxOf.get(id), before, Math::min);
                            }
                        });
                for (var waiting : oldestWaitingOf.entrySet()) {
                    long now = System.nanoTime();
                    if (now < nextPollOf.getOrDefault(waiting.getKey(), 0L)) {
                        continue;
                    }
                    for (String trackingId : acknowledged(http, mailApi, waiting.getKey())) {
                        Long before = submittedAt.get(trackingId);
                        if (before != null) {
                            latencies.putIfAbsent(trackingId, (now - before) / 1_000_000);
                        }
                    }
                    nextPollOf.put(
                            waiting.getKey(),
                            now + Math.max(POLL.toNanos(), (now - waiting.getValue()) / 20));
                }
                Thread.sleep(POLL);
            }
        } finally {
            pacer.shutdownNow();
        }
        if (latencies.size() < reports) {
            throw new IllegalStateException(
                    "Only %d of %d acknowledgements arrived within %s"
                            .formatted(latencies.size(), reports, GIVE_UP));
        }
        return latencies.entrySet().stream()
                .map(latency -> new Sample(submittedAt.get(latency.getKey()), latency.getValue()))
                .sorted(Comparator.comparingLong(Sample::submitted))
                .toList();
    }

    private static void submit(
            HttpClient http,
            String intake,
            String mailbox,
            Map<String, Long> submittedAt,
            Map<String, String> mailboxOf) {
        String body =
                """
                {"program":"pea2pea","title":"Benchmark report","description":"Measured by benchmarks/AckLatency.",\
                "reporterEmail":"%s"}\
                """
                        .formatted(mailbox);
        // Every report from a researcher of its own (the local stack trusts 127.0.0.1 as a proxy):
        // intake
        // limits each client to 60 requests a minute, and this measures latency, not that limit.
        java.util.concurrent.ThreadLocalRandom random =
                java.util.concurrent.ThreadLocalRandom.current();
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(intake + "/api/v1/reports"))
                        .header("Content-Type", "application/json")
                        .header(
                                "X-Forwarded-For",
                                "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
        long before = System.nanoTime();
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher trackingId = TRACKING_ID_FIELD.matcher(response.body());
            if (response.statusCode() != 201 || !trackingId.find()) {
                throw new IllegalStateException(
                        "Intake answered " + response.statusCode() + ": " + response.body());
            }
            mailboxOf.put(trackingId.group(1), mailbox);
            submittedAt.put(trackingId.group(1), before);
        } catch (Exception e) {
            System.err.println("Submission failed: " + e.getMessage());
        }
    }

    /** Tracking ids of the acknowledgements in a mailbox, read from their subjects. */
    private static List<String> acknowledged(HttpClient http, String mailApi, String mailbox)
            throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(
                                URI.create(mailApi + "/api/user/" + mailbox + "/messages/INBOX/"))
                        .GET()
                        .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return List.of(); // the mail server creates the mailbox with its first message
        }
        return ACKNOWLEDGEMENT_SUBJECT
                .matcher(response.body())
                .results()
                .map(match -> match.group(1))
                .toList();
    }
}
