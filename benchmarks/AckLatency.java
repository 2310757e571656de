import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Submit → acknowledgement-email latency of a running stack ({@code ./embargo up --detach}).
 *
 * <p>Submits reports at a steady rate through intake's public API, each with its own reporter
 * address, and watches the mail server's HTTP API until each acknowledgement has arrived. The
 * latency of a report runs from just before its POST to the first poll that sees its email, so
 * it includes the whole chain: intake's transaction, outbox relay, Kafka, triage's case and
 * outbox, Kafka again, notify's queue and SMTP. Polling every 20 ms bounds the error.
 *
 * <p>Run with {@code benchmarks/ack-latency [reports] [per-second]}; plain JDK 21+, no dependencies.
 */
public class AckLatency {

    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration GIVE_UP = Duration.ofMinutes(3);
    private static final int WARM_UP = 100;

    public static void main(String[] args) throws Exception {
        int reports = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int perSecond = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String intake = "http://127.0.0.1:" + env("EMBARGO_INTAKE_PORT", "8081");
        String mailApi = "http://127.0.0.1:" + env("EMBARGO_MAIL_API_PORT", "8025");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String run = UUID.randomUUID().toString().substring(0, 8);

        System.out.printf("Warming up with %d reports...%n", WARM_UP);
        measure(http, intake, mailApi, run + "-warm", WARM_UP, perSecond);
        System.out.printf("Measuring %d reports at %d per second...%n", reports, perSecond);
        long started = System.nanoTime();
        List<Long> latencies = measure(http, intake, mailApi, run, reports, perSecond);
        double seconds = (System.nanoTime() - started) / 1e9;

        latencies.sort(null);
        System.out.printf("reports=%d rate=%d/s wall=%.1fs%n", latencies.size(), perSecond, seconds);
        System.out.printf("submit->ack email latency ms: p50=%d p90=%d p99=%d max=%d%n",
                percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99),
                latencies.getLast());
    }

    private static List<Long> measure(HttpClient http, String intake, String mailApi, String run, int reports,
            int perSecond) throws Exception {
        Map<String, Long> submittedAt = new ConcurrentHashMap<>();
        Map<String, Long> latencies = new ConcurrentHashMap<>();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        try (var submitters = Executors.newVirtualThreadPerTaskExecutor()) {
            long periodNanos = 1_000_000_000L / perSecond;
            for (int i = 0; i < reports; i++) {
                String address = "bench-%s-%04d@example.org".formatted(run, i);
                pacer.schedule(() -> submitters.submit(() -> submit(http, intake, address, submittedAt)),
                        i * periodNanos, TimeUnit.NANOSECONDS);
            }
            long deadline = System.nanoTime() + GIVE_UP.toNanos() + reports * periodNanos;
            while (latencies.size() < reports && System.nanoTime() < deadline) {
                for (var pending : submittedAt.entrySet()) {
                    if (!latencies.containsKey(pending.getKey()) && hasMail(http, mailApi, pending.getKey())) {
                        latencies.put(pending.getKey(), (System.nanoTime() - pending.getValue()) / 1_000_000);
                    }
                }
                Thread.sleep(POLL);
            }
        } finally {
            pacer.shutdownNow();
        }
        if (latencies.size() < reports) {
            throw new IllegalStateException("Only %d of %d acknowledgements arrived within %s"
                    .formatted(latencies.size(), reports, GIVE_UP));
        }
        return new ArrayList<>(latencies.values());
    }

    private static void submit(HttpClient http, String intake, String address, Map<String, Long> submittedAt) {
        String body = """
                {"program":"pea2pea","title":"Benchmark report","description":"Measured by benchmarks/AckLatency.",\
                "reporterEmail":"%s"}""".formatted(address);
        // Every report from a researcher of its own (the local stack trusts 127.0.0.1 as a proxy): intake
        // limits each client to 60 requests a minute, and this measures latency, not that limit.
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        HttpRequest request = HttpRequest.newBuilder(URI.create(intake + "/api/v1/reports"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long before = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("Intake answered " + response.statusCode() + ": " + response.body());
            }
            submittedAt.put(address, before);
        } catch (Exception e) {
            System.err.println("Submission failed: " + e.getMessage());
        }
    }

    private static boolean hasMail(HttpClient http, String mailApi, String address) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(mailApi + "/api/user/" + address + "/messages/INBOX/"))
                .GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && response.body().contains("\"uid\"");
    }

    private static long percentile(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
