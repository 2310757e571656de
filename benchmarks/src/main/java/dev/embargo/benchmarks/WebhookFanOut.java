package dev.embargo.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.knowm.xchart.CategoryChart;

/**
 * One pre-advisory fanned out by notify to N local webhook endpoints, next to a bare HTTP client
 * posting the same N requests to the same receivers in the same run.
 *
 * <p>A partner with N endpoints (paths of one local HTTP server that answers 200 at once) is
 * registered through notify's API; a pre-advisory is released through advisory's API; the clock
 * runs from that POST until every endpoint has received its webhook, so it covers advisory's outbox
 * relay, Kafka, notify's fan-out transaction, its lease, the signed POSTs and their recording. The
 * bare client (java.net.http, as many requests in flight as notify allows, 128) posts a body of the
 * same size to N other paths. Two warm-up rounds of each come first, then three measured ones,
 * whose medians are the results.
 *
 * <p>Run on a running stack: {@code ./embargo up --detach && ./embargo bench webhooks [endpoints]};
 * the run replaces its section of RESULTS.md.
 */
public class WebhookFanOut {

    private static final int IN_FLIGHT = 128;

    /**
     * The size the targets are set for: release to last arrival within a second, at 90 % of the
     * bare rate.
     */
    private static final int TARGET_ENDPOINTS = 1000;

    public static void main(String[] args) throws Exception {
        double loadAtStart = Machine.loadAverage();
        int endpoints = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        // The JDK server keeps at most 200 idle connections and closes the rest under a client's
        // feet;
        // notify's pool and the bare client together keep 256.
        System.setProperty("sun.net.httpserver.maxIdleConnections", "4096");
        String notify = StackPorts.url("EMBARGO_NOTIFY_PORT", "8083");
        String advisory = StackPorts.url("EMBARGO_ADVISORY_PORT", "8084");
        String keycloak = StackPorts.url("EMBARGO_KEYCLOAK_PORT", "8180");
        HttpClient http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
        String token = token(http, keycloak);

        Map<String, Long> firstArrival = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4096);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext(
                "/",
                exchange -> {
                    exchange.getRequestBody().readAllBytes();
                    firstArrival.putIfAbsent(exchange.getRequestURI().getPath(), System.nanoTime());
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                });
        receiver.start();
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        try {
            List<Round> rounds = new ArrayList<>();
            for (String round :
                    List.of("warm-up 1", "warm-up 2", "measured 1", "measured 2", "measured 3")) {
                String run =
                        round.replace(" ", "") + "-" + UUID.randomUUID().toString().substring(0, 8);
                System.out.printf(
                        "%s: registering a partner with %d endpoints...%n", round, endpoints);
                register(http, notify, token, run, base, endpoints);

                long fanOutStart = System.nanoTime();
                post(
                        http,
                        advisory + "/api/v1/pre-advisories",
                        token,
                        """
                        {"program":"moqtail","title":"Benchmark %s","summary":"%s","embargoUntil":"%s","partnerGroups":["%s"]}\
                        """
                                .formatted(
                                        run,
                                        "x".repeat(400),
                                        Instant.now().plus(Duration.ofDays(5)),
                                        run),
                        201);
                List<Long> arrivals = awaitArrivals(firstArrival, "/" + run + "/", endpoints);
                double fanOut = (arrivals.getLast() - fanOutStart) / 1e9;
                double delivering = (arrivals.getLast() - arrivals.getFirst()) / 1e9;

                long bareStart = System.nanoTime();
                bare(http, base + "/" + run + "-bare/", endpoints, 900);
                double bare = (System.nanoTime() - bareStart) / 1e9;

                System.out.printf(
                        "%s: fan-out of one pre-advisory to %d endpoints: %.2f s from release to"
                                + " last arrival (%.0f/s); first to last arrival %.2f s (%.0f/s)%n",
                        round,
                        endpoints,
                        fanOut,
                        endpoints / fanOut,
                        delivering,
                        endpoints / delivering);
                System.out.printf(
                        "%s: bare client, same %d POSTs, %d in flight: %.2f s (%.0f/s); fan-out"
                            + " rate = %.0f %% of bare (release to last), %.0f %% (first to last"
                            + " arrival)%n",
                        round,
                        endpoints,
                        IN_FLIGHT,
                        bare,
                        endpoints / bare,
                        100 * bare / fanOut,
                        100 * bare / delivering);
                rounds.add(new Round(round, fanOut, delivering, bare));
            }
            List<Round> measured =
                    rounds.stream().filter(round -> round.name().startsWith("measured")).toList();
            double fanOut = median(measured, Round::fanOut);
            double delivering = median(measured, Round::delivering);
            double bare = median(measured, Round::bare);
            System.out.printf(
                    "median of %d: fan-out %.2f s release to last arrival (%.0f/s), %.2f s first to"
                        + " last (%.0f/s); bare %.2f s (%.0f/s); fan-out rate %.0f %% / %.0f %% of"
                        + " bare%n",
                    measured.size(),
                    fanOut,
                    endpoints / fanOut,
                    delivering,
                    endpoints / delivering,
                    bare,
                    endpoints / bare,
                    100 * bare / fanOut,
                    100 * bare / delivering);
            record(loadAtStart, endpoints, measured.size(), fanOut, delivering, bare, rounds);
        } finally {
            receiver.stop(0);
        }
    }

    /**
     * One round's times in seconds: release to last arrival, first to last arrival, the bare
     * client's POSTs.
     */
    private record Round(String name, double fanOut, double delivering, double bare) {}

    private static double median(List<Round> rounds, ToDoubleFunction<Round> time) {
        return rounds.stream().mapToDouble(time).sorted().toArray()[rounds.size() / 2];
    }

    /**
     * The medians next to the targets, which are set for 1 000 endpoints: the whole fan-out within
     * a second, and notify sending (first to last arrival) at 90 % of a bare client's rate or more.
     * Other sizes are only shown.
     */
    private static void record(
            double loadAtStart,
            int endpoints,
            int measured,
            double fanOut,
            double delivering,
            double bare,
            List<Round> rounds)
            throws IOException {
        String median = ", median of " + measured;
        Figure releaseToLast =
                Figure.of(
                        "release → last arrival" + median,
                        "%.2f s (%.0f/s)".formatted(fanOut, endpoints / fanOut));
        Figure sending =
                Figure.of(
                        "sending (first → last arrival) as a share of the bare client's rate"
                                + median,
                        "%.0f %%".formatted(100 * bare / delivering));
        if (endpoints == TARGET_ENDPOINTS) {
            releaseToLast = releaseToLast.withTarget("< 1 s", fanOut < 1);
            sending = sending.withTarget("≥ 90 %", bare / delivering >= 0.9);
        }
        ResultsFile.inBenchmarksDirectory()
                .record(
                        Run.finishedNow(
                                Benchmark.WEBHOOK_FAN_OUT,
                                loadAtStart,
                                Benchmark.WEBHOOK_FAN_OUT.command(endpoints),
                                List.of(
                                        releaseToLast,
                                        sending,
                                        Figure.of(
                                                "first → last arrival" + median,
                                                "%.2f s (%.0f/s)"
                                                        .formatted(
                                                                delivering,
                                                                endpoints / delivering)),
                                        Figure.of(
                                                "bare client, " + IN_FLIGHT + " in flight" + median,
                                                "%.2f s (%.0f/s)"
                                                        .formatted(bare, endpoints / bare)),
                                        Figure.of(
                                                "release → last arrival as a share of the bare"
                                                        + " client's rate"
                                                        + median,
                                                "%.0f %%".formatted(100 * bare / fanOut)))),
                        chart(endpoints, rounds));
    }

    /**
     * Every round's three times, warm-up rounds included: they show how far the first rounds are
     * from the rest.
     */
    private static CategoryChart chart(int endpoints, List<Round> rounds) {
        CategoryChart chart =
                Charts.bars(
                        "One pre-advisory to " + endpoints + " webhook endpoints",
                        "round",
                        "seconds");
        List<String> names = rounds.stream().map(Round::name).toList();
        chart.addSeries(
                "release → last arrival", names, rounds.stream().map(Round::fanOut).toList());
        chart.addSeries(
                "first → last arrival", names, rounds.stream().map(Round::delivering).toList());
        chart.addSeries("bare client", names, rounds.stream().map(Round::bare).toList());
        if (endpoints == TARGET_ENDPOINTS) {
            Charts.target(chart, "release → last target < 1 s", names, 1.0);
        }
        return chart;
    }

    private static void register(
            HttpClient http, String notify, String token, String run, String base, int endpoints)
            throws Exception {
        String partner =
                field(
                        post(
                                http,
                                notify + "/api/v1/partners",
                                token,
                                """
                                {"name":"Benchmark %s","contactEmail":"bench@example.org","groups":["%s"],"programs":["moqtail"]}\
                                """
                                        .formatted(run, run),
                                201),
                        "id");
        try (var workers = Executors.newFixedThreadPool(16)) {
            List<Future<String>> added = new ArrayList<>();
            for (int i = 0; i < endpoints; i++) {
                String url = base + "/" + run + "/" + i;
                added.add(
                        workers.submit(
                                () ->
                                        postRetrying(
                                                http,
                                                notify
                                                        + "/api/v1/partners/"
                                                        + partner
                                                        + "/endpoints",
                                                token,
                                                "{\"url\":\"" + url + "\"}",
                                                201)));
            }
            for (Future<String> endpoint : added) {
                endpoint.get();
            }
        }
    }

    private static List<Long> awaitArrivals(
            Map<String, Long> firstArrival, String prefix, int endpoints) throws Exception {
        long giveUp = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            List<Long> arrivals =
                    firstArrival.entrySet().stream()
                            .filter(entry -> entry.getKey().startsWith(prefix))
                            .map(Map.Entry::getValue)
                            .sorted()
                            .toList();
            if (arrivals.size() >= endpoints) {
                return arrivals;
            }
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException(
                        "Only " + arrivals.size() + " of " + endpoints + " endpoints reached");
            }
            Thread.sleep(2);
        }
    }

    /**
     * The same number of POSTs, a body of about the same size, as many in flight as notify allows.
     */
    private static void bare(HttpClient http, String base, int requests, int bodySize)
            throws Exception {
        String body = "{\"data\":\"" + "x".repeat(bodySize) + "\"}";
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<java.util.concurrent.CompletableFuture<HttpResponse<Void>>> sent = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            inFlight.acquire();
            sent.add(
                    http.sendAsync(
                                    HttpRequest.newBuilder(URI.create(base + i))
                                            .header("content-type", "application/json")
                                            .POST(HttpRequest.BodyPublishers.ofString(body))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .whenComplete((response, failure) -> inFlight.release()));
        }
        for (var response : sent) {
            if (response.get().statusCode() != 200) {
                throw new IllegalStateException("Bare POST failed: " + response.get().statusCode());
            }
        }
    }

    private static String token(HttpClient http, String keycloak) throws Exception {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                keycloak
                                                        + "/realms/embargo/protocol/openid-connect/token"))
                                .header("content-type", "application/x-www-form-urlencoded")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "grant_type=password&client_id=embargo-services"
                                                    + "&client_secret=embargo-services-local-secret&username=coordinator&password=coordinator"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return field(response.body(), "access_token");
    }

    /** Setup only: a pooled connection the server closed meanwhile is retried once. */
    private static String postRetrying(
            HttpClient http, String url, String token, String json, int expected) throws Exception {
        try {
            return post(http, url, token, json, expected);
        } catch (IOException closed) {
            return post(http, url, token, json, expected);
        }
    }

    private static String post(HttpClient http, String url, String token, String json, int expected)
            throws Exception {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("content-type", "application/json")
                                .header("authorization", "Bearer " + token)
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return matcher.group(1);
    }
}
