import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Intake's report submission on a running stack ({@code ./embargo up --detach}), next to
 * PostgreSQL's own single-row insert rate on the same server in the same run.
 *
 * <ol>
 *   <li>Steady: reports at a fixed rate (default 200/s for 20 s, after 10 s of warm-up at that
 *       rate); latency of each POST until its 201, throughput, p50/p90/p99/max.</li>
 *   <li>Peak: as many reports as {@code clients} concurrent researchers get accepted in 15 s
 *       (closed loop), after 5 s of warm-up.</li>
 *   <li>Ceiling: the same clients asking intake's liveness check, which does no work, for 15 s
 *       after 5 s of warm-up: what this client and the HTTP stack reach on this machine at all.</li>
 *   <li>pgbench: the same number of clients inserting one row of the same size per transaction
 *       for 15 s into a scratch table of intake's database (dropped afterwards), over TCP like
 *       intake.</li>
 * </ol>
 *
 * <p>Every report is a real one: triage opens a case and notify emails an acknowledgement, on the
 * same machine. intake's global rate limit (500/s by default) caps the peak; to measure intake
 * itself start the stack with {@code EMBARGO_RATE_LIMIT_GLOBAL_PER_SECOND=100000}.
 *
 * <p>Run with {@code ./embargo bench intake [per-second] [seconds] [clients]}; plain JDK 21+.
 */
public class IntakeThroughput {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final String DESCRIPTION = ("Steps to reproduce: connect to the node, send a crafted frame whose length field "
            + "exceeds the buffer, observe the crash. Impact: remote denial of service for every peer. ").repeat(3);

    public static void main(String[] args) throws Exception {
        int perSecond = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        String intake = "http://127.0.0.1:" + env("EMBARGO_INTAKE_PORT", "8081");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        System.out.printf("Warm-up: %d reports/s for 10 s...%n", perSecond);
        steady(http, intake, perSecond, 10);
        System.out.printf("Steady: %d reports/s for %d s...%n", perSecond, seconds);
        Result steady = steady(http, intake, perSecond, seconds);
        steady.print("steady " + perSecond + "/s");

        System.out.printf("Peak: %d concurrent clients for 15 s (after 5 s warm-up)...%n", clients);
        closedLoop(http, clients, 5, () -> report(intake), 201);
        Result peak = closedLoop(http, clients, 15, () -> report(intake), 201);
        peak.print("peak, " + clients + " clients");

        // The ceiling of this client and the HTTP stack on this machine: intake's liveness check does no work at all.
        System.out.printf("Ceiling: %d clients asking intake's liveness check for 15 s (after 5 s warm-up)...%n", clients);
        HttpRequest live = HttpRequest.newBuilder(URI.create(intake + "/q/health/live")).timeout(Duration.ofSeconds(30)).build();
        closedLoop(http, clients, 5, () -> live, 200);
        Result ceiling = closedLoop(http, clients, 15, () -> live, 200);
        ceiling.print("no-op endpoint, " + clients + " clients");

        System.out.printf("pgbench: %d clients inserting one row per transaction for 15 s...%n", clients);
        double pgbench = pgbench(clients, 15);
        System.out.printf("pgbench single-row insert: %.0f tps%n", pgbench);
        System.out.printf("%nintake peak %.0f reports/s = %.0f %% of pgbench's %.0f inserts/s; steady %d/s p99 %d ms%n",
                peak.perSecond(), 100 * peak.perSecond() / pgbench, pgbench, perSecond, steady.percentile(99));
        System.out.printf("an endpoint doing nothing, same client: %.0f/s = %.0f %% of pgbench%n", ceiling.perSecond(),
                100 * ceiling.perSecond() / pgbench);
        if (peak.limited() > 0) {
            System.out.println("Note: intake answered 429 to " + peak.limited() + " requests: its global rate limit capped the"
                    + " peak. Start the stack with EMBARGO_RATE_LIMIT_GLOBAL_PER_SECOND=100000 to measure intake itself.");
        }
    }

    /** Reports at a fixed rate, each from a researcher of its own (X-Forwarded-For, trusted from 127.0.0.1 in the local stack). */
    private static Result steady(HttpClient http, String intake, int perSecond, int seconds) throws InterruptedException {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        long started = System.nanoTime();
        try (var submitters = Executors.newVirtualThreadPerTaskExecutor()) {
            long period = 1_000_000_000L / perSecond;
            for (long i = 0; i < (long) perSecond * seconds; i++) {
                pacer.schedule(() -> submitters.submit(() -> send(http, report(intake), 201, latencies, statuses)), i * period,
                        TimeUnit.NANOSECONDS);
            }
            pacer.shutdown();
            pacer.awaitTermination(seconds + 5L, TimeUnit.SECONDS);
        }
        return new Result(latencies, statuses, (System.nanoTime() - started) / 1e9);
    }

    /** As many requests as {@code clients} clients get answered {@code expected} one after the other. */
    private static Result closedLoop(HttpClient http, int clients, int seconds, Supplier<HttpRequest> requests, int expected) {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        long end = started + seconds * 1_000_000_000L;
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                workers.submit(() -> {
                    while (System.nanoTime() < end) {
                        send(http, requests.get(), expected, latencies, statuses);
                    }
                });
            }
        }
        return new Result(latencies, statuses, (System.nanoTime() - started) / 1e9);
    }

    /** A report from a researcher of its own (X-Forwarded-For, trusted from 127.0.0.1 in the local stack). */
    private static HttpRequest report(String intake) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String body = """
                {"program":"pea2pea","title":"Crash on a crafted frame %d","description":"%s","reporterEmail":"bench-%d@example.org"}"""
                .formatted(random.nextInt(), DESCRIPTION, random.nextLong(Long.MAX_VALUE));
        return HttpRequest.newBuilder(URI.create(intake + "/api/v1/reports"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Times one request; only answers with the expected status count as served. */
    private static void send(HttpClient http, HttpRequest request, int expected, List<Long> latencies, Map<Integer, Integer> statuses) {
        long sent = System.nanoTime();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            statuses.merge(status, 1, Integer::sum);
            if (status == expected) {
                latencies.add((System.nanoTime() - sent) / 1_000);
            }
        } catch (IOException e) {
            statuses.merge(-1, 1, Integer::sum);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** pgbench's rate of one-row inserts (one transaction each) into a scratch table of intake's database. */
    private static double pgbench(int clients, int seconds) throws Exception {
        Path bin = postgresBin();
        Path script = Files.createTempFile("embargo-bench", ".sql");
        // A row like a report: about the same text, a time; the random suffix keeps rows apart.
        Files.writeString(script, "INSERT INTO bench_single_row_insert (payload, created_at) VALUES ('" + DESCRIPTION
                + "' || random(), now());\n");
        Map<String, String> environment = Map.of("PGHOST", "127.0.0.1", "PGPORT", env("EMBARGO_POSTGRES_PORT", "5433"),
                "PGUSER", "intake", "PGPASSWORD", "intake", "PGDATABASE", "intake");
        try {
            run(environment, bin.resolve("psql").toString(), "-q", "-v", "ON_ERROR_STOP=1", "-c",
                    "CREATE TABLE IF NOT EXISTS bench_single_row_insert (id bigserial PRIMARY KEY, payload text, created_at timestamptz)");
            String output = run(environment, bin.resolve("pgbench").toString(), "-n", "-M", "prepared", "-c",
                    Integer.toString(clients), "-j", "2", "-T", Integer.toString(seconds), "-f", script.toString());
            Matcher tps = TPS.matcher(output);
            if (!tps.find()) {
                throw new IllegalStateException("No tps in pgbench's output:\n" + output);
            }
            return Double.parseDouble(tps.group(1));
        } finally {
            run(environment, bin.resolve("psql").toString(), "-q", "-c", "DROP TABLE IF EXISTS bench_single_row_insert");
            Files.deleteIfExists(script);
        }
    }

    private static Path postgresBin() throws IOException {
        String configured = System.getenv("EMBARGO_POSTGRES_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin")).filter(bin -> Files.isExecutable(bin.resolve("pgbench")))
                    .max(Comparator.comparingInt(bin -> Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IllegalStateException("No pgbench under /usr/lib/postgresql; set EMBARGO_POSTGRES_BIN"));
        }
    }

    private static String run(Map<String, String> environment, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command[0], "failed:\n") + output);
        }
        return output;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private record Result(List<Long> micros, Map<Integer, Integer> statuses, double seconds) {

        double perSecond() {
            return micros.size() / seconds;
        }

        int limited() {
            return statuses.getOrDefault(429, 0);
        }

        long percentile(int p) {
            List<Long> sorted = new ArrayList<>(micros);
            sorted.sort(null);
            return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1_000;
        }

        void print(String label) {
            List<Long> sorted = new ArrayList<>(micros);
            sorted.sort(null);
            System.out.printf("%s: served=%d in %.1f s = %.0f/s; latency ms p50=%d p90=%d p99=%d max=%d; statuses=%s%n", label,
                    sorted.size(), seconds, perSecond(), percentile(50), percentile(90), percentile(99),
                    sorted.isEmpty() ? -1 : sorted.getLast() / 1_000, statuses);
        }
    }
}
