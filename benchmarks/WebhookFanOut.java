import com.sun.net.httpserver.HttpServer;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One pre-advisory fanned out by notify to N local webhook endpoints, next to a bare HTTP client
 * posting the same N requests to the same receivers in the same run.
 *
 * <p>A partner with N endpoints (paths of one local HTTP server that answers 200 at once) is
 * registered through notify's API; a pre-advisory is released through advisory's API; the clock
 * runs from that POST until every endpoint has received its webhook, so it covers advisory's
 * outbox relay, Kafka, notify's fan-out transaction, its lease, the signed POSTs and their
 * recording. The bare client (java.net.http, as many requests in flight as notify allows, 128)
 * posts a body of the same size to N other paths. One warm-up round of each comes first.
 *
 * <p>Run on a running stack: {@code ./embargo up --detach && ./embargo bench webhooks [endpoints]}.
 */
public class WebhookFanOut {

    private static final int IN_FLIGHT = 128;

    public static void main(String[] args) throws Exception {
        int endpoints = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        // The JDK server keeps at most 200 idle connections and closes the rest under a client's feet;
        // notify's pool and the bare client together keep 256.
        System.setProperty("sun.net.httpserver.maxIdleConnections", "4096");
        String notify = "http://127.0.0.1:" + env("EMBARGO_NOTIFY_PORT", "8083");
        String advisory = "http://127.0.0.1:" + env("EMBARGO_ADVISORY_PORT", "8084");
        String keycloak = "http://127.0.0.1:" + env("EMBARGO_KEYCLOAK_PORT", "8180");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        String token = token(http, keycloak);

        Map<String, Long> firstArrival = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4096);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            firstArrival.putIfAbsent(exchange.getRequestURI().getPath(), System.nanoTime());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        try {
            List<double[]> measured = new ArrayList<>();
            for (String round : List.of("warm-up 1", "warm-up 2", "measured 1", "measured 2", "measured 3")) {
                String run = round.replace(" ", "") + "-" + UUID.randomUUID().toString().substring(0, 8);
                System.out.printf("%s: registering a partner with %d endpoints...%n", round, endpoints);
                register(http, notify, token, run, base, endpoints);

                long fanOutStart = System.nanoTime();
                post(http, advisory + "/api/v1/pre-advisories", token, """
                        {"program":"moqtail","title":"Benchmark %s","summary":"%s","embargoUntil":"%s","partnerGroups":["%s"]}"""
                        .formatted(run, "x".repeat(400), Instant.now().plus(Duration.ofDays(5)), run), 201);
                List<Long> arrivals = awaitArrivals(firstArrival, "/" + run + "/", endpoints);
                double fanOut = (arrivals.getLast() - fanOutStart) / 1e9;
                double delivering = (arrivals.getLast() - arrivals.getFirst()) / 1e9;

                long bareStart = System.nanoTime();
                bare(http, base + "/" + run + "-bare/", endpoints, 900);
                double bare = (System.nanoTime() - bareStart) / 1e9;

                System.out.printf("%s: fan-out of one pre-advisory to %d endpoints: %.2f s from release to last arrival"
                                + " (%.0f/s); first to last arrival %.2f s (%.0f/s)%n", round, endpoints, fanOut,
                        endpoints / fanOut, delivering, endpoints / delivering);
                System.out.printf("%s: bare client, same %d POSTs, %d in flight: %.2f s (%.0f/s); fan-out rate = %.0f %% of bare"
                                + " (release to last), %.0f %% (first to last arrival)%n", round, endpoints, IN_FLIGHT, bare,
                        endpoints / bare, 100 * bare / fanOut, 100 * bare / delivering);
                if (round.startsWith("measured")) {
                    measured.add(new double[] {fanOut, delivering, bare});
                }
            }
            double fanOut = median(measured, 0);
            double delivering = median(measured, 1);
            double bare = median(measured, 2);
            System.out.printf("median of %d: fan-out %.2f s release to last arrival (%.0f/s), %.2f s first to last (%.0f/s);"
                    + " bare %.2f s (%.0f/s); fan-out rate %.0f %% / %.0f %% of bare%n", measured.size(), fanOut,
                    endpoints / fanOut, delivering, endpoints / delivering, bare, endpoints / bare, 100 * bare / fanOut,
                    100 * bare / delivering);
        } finally {
            receiver.stop(0);
        }
    }

    private static double median(List<double[]> rounds, int column) {
        return rounds.stream().mapToDouble(round -> round[column]).sorted().toArray()[rounds.size() / 2];
    }

    private static void register(HttpClient http, String notify, String token, String run, String base, int endpoints)
            throws Exception {
        String partner = field(post(http, notify + "/api/v1/partners", token, """
                {"name":"Benchmark %s","contactEmail":"bench@example.org","groups":["%s"],"programs":["moqtail"]}"""
                .formatted(run, run), 201), "id");
        try (var workers = Executors.newFixedThreadPool(16)) {
            List<Future<String>> added = new ArrayList<>();
            for (int i = 0; i < endpoints; i++) {
                String url = base + "/" + run + "/" + i;
                added.add(workers.submit(() -> postRetrying(http, notify + "/api/v1/partners/" + partner + "/endpoints", token,
                        "{\"url\":\"" + url + "\"}", 201)));
            }
            for (Future<String> endpoint : added) {
                endpoint.get();
            }
        }
    }

    private static List<Long> awaitArrivals(Map<String, Long> firstArrival, String prefix, int endpoints) throws Exception {
        long giveUp = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            List<Long> arrivals = firstArrival.entrySet().stream().filter(entry -> entry.getKey().startsWith(prefix))
                    .map(Map.Entry::getValue).sorted().toList();
            if (arrivals.size() >= endpoints) {
                return arrivals;
            }
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("Only " + arrivals.size() + " of " + endpoints + " endpoints reached");
            }
            Thread.sleep(2);
        }
    }

    /** The same number of POSTs, a body of about the same size, as many in flight as notify allows. */
    private static void bare(HttpClient http, String base, int requests, int bodySize) throws Exception {
        String body = "{\"data\":\"" + "x".repeat(bodySize) + "\"}";
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<java.util.concurrent.CompletableFuture<HttpResponse<Void>>> sent = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            inFlight.acquire();
            sent.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + i)).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> inFlight.release()));
        }
        for (var response : sent) {
            if (response.get().statusCode() != 200) {
                throw new IllegalStateException("Bare POST failed: " + response.get().statusCode());
            }
        }
    }

    private static String token(HttpClient http, String keycloak) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak
                        + "/realms/embargo/protocol/openid-connect/token"))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=embargo-services"
                        + "&client_secret=embargo-services-local-secret&username=coordinator&password=coordinator")).build(),
                HttpResponse.BodyHandlers.ofString());
        return field(response.body(), "access_token");
    }

    /** Setup only: a pooled connection the server closed meanwhile is retried once. */
    private static String postRetrying(HttpClient http, String url, String token, String json, int expected) throws Exception {
        try {
            return post(http, url, token, json, expected);
        } catch (java.io.IOException closed) {
            return post(http, url, token, json, expected);
        }
    }

    private static String post(HttpClient http, String url, String token, String json, int expected) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("content-type", "application/json")
                .header("authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
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

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
