package dev.embargo.benchmarks;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.knowm.xchart.CategoryChart;

/**
 * Intake's report submission on a running stack ({@code ./embargo up --detach}), next to
 * PostgreSQL's own single-row insert rate on the same server in the same run.
 *
 * <ol>
 *   <li>Steady: reports at a fixed rate (default 200/s for 20 s, after 10 s of warm-up at that
 *       rate); latency of each POST until its 201, throughput, p50/p90/p99/max.
 *   <li>Peak and pgbench, twice in turn (a shared machine's speed drifts within a minute, so each
 *       round's ratio compares runs a few seconds apart): as many reports as {@code clients}
 *       concurrent researchers get accepted in 15 s (closed loop, wrk with {@code report.lua},
 *       after 5 s of warm-up before the first round), then the same number of pgbench clients
 *       inserting one row of the same size per transaction for 15 s into a scratch table of
 *       intake's database (dropped afterwards), over TCP like intake.
 *   <li>Ceiling: the same clients asking intake's liveness check, which does no work, for 15 s
 *       after 5 s of warm-up: what the HTTP stack reaches on this machine at all.
 *   <li>intake's statements without intake: pgbench runs, for 15 s with the same clients, the SQL
 *       intake's peak made PostgreSQL do per report, into scratch copies of intake's tables: the
 *       batch transaction ({@code SubmissionBatches}: the program, the tracking numbers, the
 *       reports, their outbox events; as many reports per transaction as intake's peak averaged)
 *       and the outbox relay's claim and dequeue. How many reports PostgreSQL alone can take the
 *       way intake stores them, with no HTTP, no Java and no Kafka in the way.
 * </ol>
 *
 * <p>Every report is a real one: triage opens a case and notify emails an acknowledgement, on the
 * same machine. intake's global rate limit (500/s by default) caps the peak; to measure intake
 * itself start the stack with {@code EMBARGO_RATE_LIMIT_GLOBAL_PER_SECOND=100000}.
 *
 * <p>The closed loops use wrk, which is written in C like pgbench: java.net.http costs about as
 * much CPU as intake on 2 cores, and measured intake's peak at half of what wrk measures.
 *
 * <p>Run with {@code ./embargo bench intake [per-second] [seconds] [clients]} (it needs wrk); the
 * run replaces its section of RESULTS.md.
 */
public class IntakeThroughput {

    private static final Pattern TPS =
            Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern SCRIPT_TPS =
            Pattern.compile(
                    "SQL script (\\d+): [^\\n"
                            + "]*\\n"
                            + " - weight: [^\\n"
                            + "]*\\n"
                            + " - \\d+ transactions \\([^,]*, tps = ([0-9.]+)\\)");

    /** Rounds of the peak followed by pgbench. */
    private static final int ROUNDS = 2;

    /** The rate the steady phase's latency target is set for. */
    private static final int TARGET_RATE = 200;

    private static final String DESCRIPTION =
            ("Steps to reproduce: connect to the node, send a crafted frame whose length field"
                 + " exceeds the buffer, observe the crash. Impact: remote denial of service for"
                 + " every peer. ")
                    .repeat(3);

    public static void main(String[] args) throws Exception {
        double loadAtStart = Machine.loadAverage();
        int perSecond = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        String intake = StackPorts.url("EMBARGO_INTAKE_PORT", "8081");
        // Health and metrics: intake's management interface.
        String management = StackPorts.url("EMBARGO_INTAKE_MANAGEMENT_PORT", "9081") + "/q";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        System.out.printf("Warm-up: %d reports/s for 10 s...%n", perSecond);
        steady(http, intake, perSecond, 10);
        System.out.printf("Steady: %d reports/s for %d s...%n", perSecond, seconds);
        Result steady = steady(http, intake, perSecond, seconds);
        steady.print("steady " + perSecond + "/s");

        // wrk, in C like pgbench, for the closed loops: java.net.http costs about as much CPU as
        // intake on 2 cores.
        // A shared machine's speed drifts within a minute: the peak and pgbench alternate, each
        // round a ratio of its own.
        Path reportScript = Benchmark.directory().resolve("report.lua");
        Wrk.run(clients, 5, intake, reportScript);
        BatchSizes before = BatchSizes.read(http, management);
        List<Wrk> peaks = new ArrayList<>();
        List<Double> pgbenches = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            System.out.printf(
                    "Round %d: peak, wrk with %d concurrent clients for 15 s...%n", round, clients);
            Wrk peak = Wrk.run(clients, 15, intake, reportScript);
            peak.print("peak, " + clients + " clients");
            peaks.add(peak);
            System.out.printf(
                    "Round %d: pgbench, %d clients inserting one row per transaction for 15 s...%n",
                    round, clients);
            double pgbench = singleRowInserts(clients);
            System.out.printf(
                    "pgbench single-row insert: %.0f tps; intake's peak %.0f %% of it%n",
                    pgbench, 100 * peak.perSecond() / pgbench);
            pgbenches.add(pgbench);
        }
        int reportsPerTransaction = before.meanSince(BatchSizes.read(http, management));
        double peak = peaks.stream().mapToDouble(Wrk::perSecond).average().orElseThrow();
        double pgbench =
                pgbenches.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        long refused = peaks.stream().mapToLong(Wrk::refused).sum();

        // The ceiling of the HTTP stack on this machine: intake's liveness check does no work at
        // all (on the management interface, a Vert.x server of its own in the same process).
        System.out.printf(
                "Ceiling: wrk with %d clients asking intake's liveness check for 15 s (after 5 s"
                        + " warm-up)...%n",
                clients);
        Wrk.run(clients, 5, management + "/health/live", null);
        Wrk ceiling = Wrk.run(clients, 15, management + "/health/live", null);
        ceiling.print("no-op endpoint, " + clients + " clients");

        System.out.printf(
                "pgbench: %d clients running intake's statements, %d reports per transaction, for"
                        + " 15 s...%n",
                clients, reportsPerTransaction);
        double statementsAlone =
                reportsPerTransaction * intakeStatements(clients, 15, reportsPerTransaction);
        System.out.printf("intake's statements without intake: %.0f reports/s%n", statementsAlone);

        String peakByRound =
                String.join(
                        ", ",
                        IntStream.range(0, ROUNDS)
                                .mapToObj(
                                        i ->
                                                "%.0f %%"
                                                        .formatted(
                                                                100
                                                                        * peaks.get(i).perSecond()
                                                                        / pgbenches.get(i)))
                                .toList());
        System.out.printf(
                "%nintake peak by round: %s of pgbench's %s inserts/s%n",
                peakByRound,
                String.join(", ", pgbenches.stream().map(tps -> "%.0f".formatted(tps)).toList()));
        System.out.printf(
                "intake peak %.0f reports/s = %.0f %% of pgbench's %.0f inserts/s (means of the"
                        + " rounds); steady %d/s p99 %d ms%n",
                peak, 100 * peak / pgbench, pgbench, perSecond, steady.percentile(99));
        System.out.printf(
                "an endpoint doing nothing: %.0f/s = %.0f %% of pgbench%n",
                ceiling.perSecond(), 100 * ceiling.perSecond() / pgbench);
        System.out.printf(
                "PostgreSQL alone storing reports as intake does: %.0f reports/s = %.0f %% of"
                        + " pgbench%n",
                statementsAlone, 100 * statementsAlone / pgbench);
        // Both use all the cores when they run alone; together each report costs the machine the
        // time of both.
        double bound = 1 / (1 / ceiling.perSecond() + 1 / statementsAlone);
        System.out.printf(
                "both on these cores, were intake's own work free: %.0f reports/s = %.0f %% of"
                        + " pgbench (intake reached %.0f %% of that)%n",
                bound, 100 * bound / pgbench, 100 * peak / bound);
        if (refused > 0) {
            System.out.println(
                    "Note: intake refused "
                            + refused
                            + " requests; if with 429, its global rate limit capped the peak. Start"
                            + " the stack with EMBARGO_RATE_LIMIT_GLOBAL_PER_SECOND=100000 to"
                            + " measure intake itself.");
        }

        List<Figure> figures =
                new ArrayList<>(
                        List.of(
                                Figure.of(
                                                "intake's peak as a share of pgbench's single-row"
                                                        + " inserts, mean of "
                                                        + ROUNDS
                                                        + " rounds",
                                                "%.0f %% (%.0f reports/s, pgbench %.0f/s)"
                                                        .formatted(
                                                                100 * peak / pgbench,
                                                                peak,
                                                                pgbench))
                                        .withTarget("≥ 50 %", peak >= pgbench / 2),
                                Figure.of("the same by round", peakByRound),
                                steadyP99(perSecond, steady.percentile(99)),
                                Figure.of(
                                        "steady "
                                                + perSecond
                                                + "/s for "
                                                + seconds
                                                + " s, p50 / p90 / max",
                                        "%d / %d / %d ms, served %.0f/s"
                                                .formatted(
                                                        steady.percentile(50),
                                                        steady.percentile(90),
                                                        steady.percentile(100),
                                                        steady.perSecond())),
                                Figure.of(
                                        "an endpoint doing nothing (liveness check)",
                                        "%.0f/s = %.0f %% of pgbench"
                                                .formatted(
                                                        ceiling.perSecond(),
                                                        100 * ceiling.perSecond() / pgbench)),
                                Figure.of(
                                        "PostgreSQL alone storing reports as intake does, "
                                                + reportsPerTransaction
                                                + " per transaction",
                                        "%.0f reports/s = %.0f %% of pgbench"
                                                .formatted(
                                                        statementsAlone,
                                                        100 * statementsAlone / pgbench)),
                                Figure.of(
                                        "both on these cores, were intake's own work free",
                                        "%.0f reports/s = %.0f %% of pgbench; intake reached %.0f %% of it"
                                                .formatted(
                                                        bound,
                                                        100 * bound / pgbench,
                                                        100 * peak / bound))));
        if (refused > 0) {
            figures.add(
                    Figure.of(
                            "requests refused at the peak (a 429 means the global rate limit capped"
                                    + " it)",
                            Long.toString(refused)));
        }
        ResultsFile.inBenchmarksDirectory()
                .record(
                        Run.finishedNow(
                                Benchmark.INTAKE_THROUGHPUT,
                                loadAtStart,
                                Benchmark.INTAKE_THROUGHPUT.command(perSecond, seconds, clients),
                                figures),
                        chart(
                                peaks,
                                pgbenches,
                                statementsAlone,
                                ceiling.perSecond(),
                                bound,
                                pgbench));
    }

    /** The steady phase's p99, held to its target at the rate the target is set for. */
    private static Figure steadyP99(int perSecond, long p99) {
        Figure figure = Figure.of("steady " + perSecond + "/s, p99 until the 201", p99 + " ms");
        return perSecond == TARGET_RATE
                ? figure.withTarget("< 100 ms at 200/s", p99 < 100)
                : figure;
    }

    /**
     * Everything as a share of pgbench's single-row inserts, the anchor: each round's peak, against
     * the target, next to what bounds it (PostgreSQL alone storing reports as intake does, HTTP
     * alone, and the two together).
     */
    private static CategoryChart chart(
            List<Wrk> peaks,
            List<Double> pgbenches,
            double statementsAlone,
            double ceiling,
            double bound,
            double pgbench) {
        CategoryChart chart =
                Charts.bars(
                        "intake next to pgbench's single-row inserts",
                        "intake's peak by round; intake's SQL in PostgreSQL alone, HTTP alone"
                                + " (no-op) and the two together",
                        "% of pgbench");
        List<String> phases = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            phases.add("round " + (round + 1) + " peak");
            shares.add(100 * peaks.get(round).perSecond() / pgbenches.get(round));
        }
        phases.addAll(List.of("SQL alone", "no-op", "together"));
        shares.addAll(
                List.of(
                        100 * statementsAlone / pgbench,
                        100 * ceiling / pgbench,
                        100 * bound / pgbench));
        chart.addSeries("share of pgbench", phases, shares);
        Charts.target(chart, "target: peak ≥ 50 %", phases, 50);
        return chart;
    }

    /**
     * pgbench's rate of single-row insert transactions, a row the size of a report, on intake's
     * database.
     */
    private static double singleRowInserts(int clients) throws Exception {
        return pgbench(
                        clients,
                        15,
                        "single-row-insert",
                        "CREATE TABLE bench_single_row_insert (id bigserial PRIMARY KEY, payload"
                                + " text, created_at timestamptz)",
                        // A row like a report: about the same text, a time; the random suffix keeps
                        // rows apart.
                        Map.of(
                                "insert",
                                "INSERT INTO bench_single_row_insert (payload, created_at) VALUES"
                                        + " ('"
                                        + DESCRIPTION
                                        + "' || random(), now());\n"),
                        "DROP TABLE IF EXISTS bench_single_row_insert")
                .get("insert");
    }

    /**
     * Reports at a fixed rate, each from a researcher of its own (X-Forwarded-For, trusted from
     * 127.0.0.1 in the local stack).
     */
    private static Result steady(HttpClient http, String intake, int perSecond, int seconds)
            throws InterruptedException {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        long started = System.nanoTime();
        try (var submitters = Executors.newVirtualThreadPerTaskExecutor()) {
            long period = 1_000_000_000L / perSecond;
            for (long i = 0; i < (long) perSecond * seconds; i++) {
                pacer.schedule(
                        () ->
                                submitters.submit(
                                        () -> send(http, report(intake), 201, latencies, statuses)),
                        i * period,
                        TimeUnit.NANOSECONDS);
            }
            pacer.shutdown();
            pacer.awaitTermination(seconds + 5L, TimeUnit.SECONDS);
        }
        return new Result(latencies, statuses, (System.nanoTime() - started) / 1e9);
    }

    /**
     * A report from a researcher of its own (X-Forwarded-For, trusted from 127.0.0.1 in the local
     * stack).
     */
    private static HttpRequest report(String intake) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String body =
                """
                {"program":"pea2pea","title":"Crash on a crafted frame %d","description":"%s","reporterEmail":"bench-%d@example.org"}\
                """
                        .formatted(random.nextInt(), DESCRIPTION, random.nextLong(Long.MAX_VALUE));
        return HttpRequest.newBuilder(URI.create(intake + "/api/v1/reports"))
                .header("Content-Type", "application/json")
                .header(
                        "X-Forwarded-For",
                        "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** Times one request; only answers with the expected status count as served. */
    private static void send(
            HttpClient http,
            HttpRequest request,
            int expected,
            List<Long> latencies,
            Map<Integer, Integer> statuses) {
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

    /**
     * intake's statements per report, run by pgbench into scratch copies of its tables, in reports
     * per second. The values are those of the newest report and event intake stored (the peak's),
     * so rows have their real sizes; each transaction stores {@code batch} of them as
     * SubmissionBatches does, and the relay script claims events and takes them off the queue as
     * OutboxRelay does. Where the replay differs it is cheaper than intake (values copied from a
     * sample row rather than bound, events queued by the insert itself rather than by a trigger),
     * so the rate is an upper bound.
     */
    private static double intakeStatements(int clients, int seconds, int batch) throws Exception {
        String setup =
                """
                CREATE TABLE bench_report (LIKE report INCLUDING ALL);
                CREATE TABLE bench_outbox_event (LIKE outbox_event INCLUDING ALL);
                CREATE TABLE bench_outbox_pending (LIKE outbox_pending INCLUDING ALL);
                CREATE SEQUENCE bench_tracking_seq;
                CREATE SEQUENCE bench_outbox_seq;
                ALTER TABLE bench_outbox_event ALTER COLUMN seq SET DEFAULT nextval('bench_outbox_seq');
                CREATE TABLE bench_report_sample AS SELECT * FROM report ORDER BY submitted_at DESC LIMIT 1;
                CREATE TABLE bench_event_sample AS SELECT * FROM outbox_event WHERE event_type = 'report.submitted.v3'
                    ORDER BY seq DESC LIMIT 1;
                """;
        String submit =
                """
                BEGIN;
                SELECT slug, revision, document, published_at FROM program WHERE slug = ANY('{pea2pea}');
                SELECT nextval('bench_tracking_seq') FROM generate_series(1, %1$d);
                INSERT INTO bench_report (id, tracking_id, program_slug, program_revision, sealed_title, sealed_description,
                    sealed_reporter_email, sealed_credit_name, sealed_affected_version, token_hash,
                    reported_scope_class, reported_cvss_vector, credit_preference, status, submitted_at, updated_at)
                  SELECT gen_random_uuid(), 'EMB-2026-' || nextval('bench_tracking_seq'), program_slug, program_revision,
                    sealed_title, sealed_description, sealed_reporter_email, sealed_credit_name,
                    sealed_affected_version, sha256(gen_random_uuid()::text::bytea), reported_scope_class,
                    reported_cvss_vector, credit_preference,
                    status, now(), now()
                  FROM bench_report_sample, generate_series(1, %1$d);
                WITH staged AS (
                  INSERT INTO bench_outbox_event (id, topic, event_key, event_type, occurred_at, payload)
                  SELECT gen_random_uuid(), topic, gen_random_uuid()::text, event_type, now(), payload
                  FROM bench_event_sample, generate_series(1, %1$d) RETURNING seq)
                INSERT INTO bench_outbox_pending (seq) SELECT seq FROM staged;
                COMMIT;
                """
                        .formatted(batch);
        String relay =
                """
                BEGIN;
                SELECT coalesce(array_agg(seq), '{}') AS claimed FROM (
                  SELECT seq FROM bench_outbox_pending ORDER BY seq LIMIT 200 FOR UPDATE SKIP LOCKED) AS queued \\gset
                SELECT seq, id, topic, event_key, event_type, occurred_at, payload FROM bench_outbox_event
                  WHERE seq = ANY(:claimed::bigint[]);
                DELETE FROM bench_outbox_pending WHERE seq = ANY(:claimed::bigint[]);
                COMMIT;
                """;
        // Eight batches to one relay pass: about what intake's relay claims per pass at its peak.
        Map<String, Double> tps =
                pgbench(
                        clients,
                        seconds,
                        "intake-statements",
                        setup,
                        Map.of("submit", submit, "relay", relay),
                        Map.of("submit", 8),
                        "DROP TABLE IF EXISTS bench_report, bench_outbox_event,"
                            + " bench_outbox_pending, bench_report_sample, bench_event_sample; DROP"
                            + " SEQUENCE IF EXISTS bench_tracking_seq, bench_outbox_seq");
        return tps.get("submit");
    }

    private static Map<String, Double> pgbench(
            int clients,
            int seconds,
            String name,
            String setup,
            Map<String, String> scripts,
            String teardown)
            throws Exception {
        return pgbench(clients, seconds, name, setup, scripts, Map.of(), teardown);
    }

    /**
     * Runs pgbench's {@code scripts} (by name, each run {@code weights} times as often as a script
     * of weight 1) on intake's database over TCP like intake, between {@code setup} and {@code
     * teardown}; each script's transactions per second.
     */
    private static Map<String, Double> pgbench(
            int clients,
            int seconds,
            String name,
            String setup,
            Map<String, String> scripts,
            Map<String, Integer> weights,
            String teardown)
            throws Exception {
        Path bin = postgresBin();
        Path directory = Files.createTempDirectory("embargo-bench-" + name);
        Map<String, String> environment =
                Map.of(
                        "PGHOST",
                        "127.0.0.1",
                        "PGPORT",
                        StackPorts.port("EMBARGO_POSTGRES_PORT", "5433"),
                        "PGUSER",
                        "intake",
                        "PGPASSWORD",
                        "intake",
                        "PGDATABASE",
                        "intake");
        List<String> command =
                new ArrayList<>(
                        List.of(
                                bin.resolve("pgbench").toString(),
                                "-n",
                                "-M",
                                "prepared",
                                "-c",
                                Integer.toString(clients),
                                "-j",
                                "2",
                                "-T",
                                Integer.toString(seconds)));
        List<String> order = new ArrayList<>(scripts.keySet());
        for (String script : order) {
            Path file = directory.resolve(script + ".sql");
            Files.writeString(file, scripts.get(script));
            command.addAll(List.of("-f", file + "@" + weights.getOrDefault(script, 1)));
        }
        try {
            run(
                    environment,
                    bin.resolve("psql").toString(),
                    "-q",
                    "-v",
                    "ON_ERROR_STOP=1",
                    "-c",
                    teardown);
            run(
                    environment,
                    bin.resolve("psql").toString(),
                    "-q",
                    "-v",
                    "ON_ERROR_STOP=1",
                    "-c",
                    setup);
            String output = run(environment, command.toArray(String[]::new));
            Map<String, Double> tps = new HashMap<>();
            if (order.size() == 1) {
                Matcher total = TPS.matcher(output);
                if (!total.find()) {
                    throw new IllegalStateException("No tps in pgbench's output:\n" + output);
                }
                tps.put(order.getFirst(), Double.parseDouble(total.group(1)));
            } else {
                Matcher each = SCRIPT_TPS.matcher(output);
                while (each.find()) {
                    tps.put(
                            order.get(Integer.parseInt(each.group(1)) - 1),
                            Double.parseDouble(each.group(2)));
                }
                if (tps.size() != order.size()) {
                    throw new IllegalStateException(
                            "Not every script's tps in pgbench's output:\n" + output);
                }
            }
            return tps;
        } finally {
            run(environment, bin.resolve("psql").toString(), "-q", "-c", teardown);
            for (String script : order) {
                Files.deleteIfExists(directory.resolve(script + ".sql"));
            }
            Files.deleteIfExists(directory);
        }
    }

    private static Path postgresBin() throws IOException {
        String configured = System.getenv("EMBARGO_POSTGRES_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("pgbench")))
                    .max(
                            Comparator.comparingInt(
                                    bin ->
                                            Integer.parseInt(
                                                    bin.getParent()
                                                            .getFileName()
                                                            .toString()
                                                            .replaceAll("\\D", "0"))))
                    .orElseThrow(
                            () ->
                                    new IllegalStateException(
                                            "No pgbench under /usr/lib/postgresql; set"
                                                    + " EMBARGO_POSTGRES_BIN"));
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

    /**
     * One closed-loop run of wrk ({@code apt-get install wrk}): what it counted and its latency
     * percentiles.
     */
    private record Wrk(long requests, long refused, double seconds, List<String> percentiles) {

        private static final Pattern REQUESTS =
                Pattern.compile("(\\d+) requests in ([0-9.]+)(m?s)");
        private static final Pattern REFUSED = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
        private static final Pattern PERCENTILE =
                Pattern.compile("(?m)^\\s+(50|90|99)%\\s+(\\S+)$");

        /**
         * wrk with one thread and {@code clients} connections for {@code seconds} on {@code url},
         * scripted or plain GETs.
         */
        static Wrk run(int clients, int seconds, String url, Path script) throws Exception {
            List<String> command =
                    new ArrayList<>(
                            List.of(
                                    "wrk",
                                    "-t1",
                                    "-c" + clients,
                                    "-d" + seconds + "s",
                                    "--latency"));
            if (script != null) {
                command.addAll(List.of("-s", script.toString()));
            }
            command.add(url);
            String output;
            try {
                output = IntakeThroughput.run(Map.of(), command.toArray(String[]::new));
            } catch (IOException notInstalled) {
                throw new IllegalStateException(
                        "wrk is missing: apt-get install wrk (./embargo bench intake installs it as"
                                + " root)",
                        notInstalled);
            }
            Matcher requests = REQUESTS.matcher(output);
            if (!requests.find()) {
                throw new IllegalStateException("No request count in wrk's output:\n" + output);
            }
            double elapsed =
                    Double.parseDouble(requests.group(2))
                            / (requests.group(3).equals("ms") ? 1000 : 1);
            Matcher refused = REFUSED.matcher(output);
            List<String> percentiles = new ArrayList<>();
            Matcher percentile = PERCENTILE.matcher(output);
            while (percentile.find()) {
                percentiles.add("p" + percentile.group(1) + "=" + percentile.group(2));
            }
            return new Wrk(
                    Long.parseLong(requests.group(1)),
                    refused.find() ? Long.parseLong(refused.group(1)) : 0,
                    elapsed,
                    percentiles);
        }

        /** Answers that were not refused, per second. */
        double perSecond() {
            return (requests - refused) / seconds;
        }

        void print(String label) {
            System.out.printf(
                    "%s: served=%d in %.1f s = %.0f/s; latency %s; refused=%d%n",
                    label,
                    requests - refused,
                    seconds,
                    perSecond(),
                    String.join(" ", percentiles),
                    refused);
        }
    }

    /**
     * intake's histogram of reports per transaction ({@code embargo.intake.submission.batch.size}),
     * read from its metrics.
     */
    private record BatchSizes(double transactions, double reports) {

        private static final Pattern LINE =
                Pattern.compile(
                        "(?m)^embargo_intake_submission_batch_size_(count|sum) ([0-9.E+]+)$");

        static BatchSizes read(HttpClient http, String management) throws Exception {
            HttpRequest request =
                    HttpRequest.newBuilder(URI.create(management + "/metrics"))
                            .timeout(Duration.ofSeconds(30))
                            .build();
            Matcher lines =
                    LINE.matcher(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
            Map<String, Double> values = new HashMap<>();
            while (lines.find()) {
                values.put(lines.group(1), Double.parseDouble(lines.group(2)));
            }
            return new BatchSizes(
                    values.getOrDefault("count", 0.0), values.getOrDefault("sum", 0.0));
        }

        /**
         * Reports per transaction between this reading and {@code later}, rounded, at least one.
         */
        int meanSince(BatchSizes later) {
            double transactions = later.transactions - this.transactions;
            return transactions <= 0
                    ? 1
                    : (int) Math.max(1, Math.round((later.reports - reports) / transactions));
        }
    }

    private record Result(List<Long> micros, Map<Integer, Integer> statuses, double seconds) {

        double perSecond() {
            return micros.size() / seconds;
        }

        int limited() {
            return statuses.getOrDefault(429, 0);
        }

        /** The p-th percentile in milliseconds, -1 when nothing was served. */
        long percentile(int p) {
            List<Long> sorted = new ArrayList<>(micros);
            sorted.sort(null);
            return sorted.isEmpty() ? -1 : Percentiles.nearestRank(sorted, p) / 1_000;
        }

        void print(String label) {
            List<Long> sorted = new ArrayList<>(micros);
            sorted.sort(null);
            System.out.printf(
                    "%s: served=%d in %.1f s = %.0f/s; latency ms p50=%d p90=%d p99=%d max=%d;"
                            + " statuses=%s%n",
                    label,
                    sorted.size(),
                    seconds,
                    perSecond(),
                    percentile(50),
                    percentile(90),
                    percentile(99),
                    sorted.isEmpty() ? -1 : sorted.getLast() / 1_000,
                    statuses);
        }
    }
}
