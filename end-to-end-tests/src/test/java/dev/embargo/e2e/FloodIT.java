package dev.embargo.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.embargo.e2e.support.ConsumerGroups;
import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A flood from a few networks, each spreading its reports over many addresses (every one under the
 * per-client rate limit), pushes triage behind: the flooding networks are told to wait, and another
 * reporter's report is still acknowledged by email within the normal bound. The test stack starts
 * refusing at a smaller backlog than intake's default, so that this machine's flood reaches it.
 */
@ExtendWith(EmbargoStack.class)
class FloodIT {

    private static final int FLOODING_NETWORKS = 4;
    private static final int IN_FLIGHT = 32;

    /**
     * What queues ahead of the bystander's report is bounded by the test stack's busy backlog (100
     * events), which a loaded 2-core machine works off in seconds; an unchecked flood would put
     * minutes of work ahead of it.
     */
    private static final Duration ACKNOWLEDGED_WITHIN = Duration.ofSeconds(20);

    private static final String TRIAGE_GROUP = "triage";

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> refusedNetworks = new ConcurrentHashMap<>();
    private final AtomicInteger admitted = new AtomicInteger();

    @Test
    void aFloodFromAFewNetworksIsRefusedWhileAnotherReporterIsAcknowledgedInTime(RunningStack stack)
            throws Exception {
        int firstNetwork = ThreadLocalRandom.current().nextInt(0, 250);
        URI reports = URI.create(stack.serviceUrl("intake") + "/api/v1/reports");
        AtomicBoolean flooding = new AtomicBoolean(true);
        Thread flood = Thread.ofPlatform().start(() -> flood(reports, firstNetwork, flooding));
        try {
            await().atMost(Duration.ofSeconds(45))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> refusedNetworks.size() == FLOODING_NETWORKS);
            assertThat(admitted.get()).as("reports the flood got in first").isPositive();

            String email = "flood-bystander-" + UUID.randomUUID() + "@example.org";
            long submittedAt = System.nanoTime();
            SubmittedReport report =
                    stack.reporter().submit("pea2pea", "Heap overflow in the parser", email);
            await().atMost(ACKNOWLEDGED_WITHIN)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> !stack.mailbox().subjects(email).isEmpty());
            assertThat(Duration.ofNanos(System.nanoTime() - submittedAt))
                    .as("%s acknowledged during the flood", report.trackingId())
                    .isLessThan(ACKNOWLEDGED_WITHIN);
            assertThat(flooding.get()).as("the flood still going").isTrue();
        } finally {
            flooding.set(false);
            flood.join();
            awaitTriageCaughtUp(stack);
        }
        assertThat(Set.copyOf(refusedNetworks.values())).allMatch(this::isRefusalWithRetryAfter);
    }

    /**
     * Leaves the shared stack as it found it: until triage has worked off the flood, intake would
     * refuse the next test class's reports too.
     */
    private static void awaitTriageCaughtUp(RunningStack stack) {
        try (ConsumerGroups groups = new ConsumerGroups(stack.launcher().kafkaBootstrap())) {
            Map<TopicPartition, Long> flooded =
                    groups.endOffsets(groups.describe(TRIAGE_GROUP).partitions());
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> groups.behind(TRIAGE_GROUP, flooded).isEmpty());
        }
    }

    /**
     * Reports without a contact (no email to send them) from the flooding networks' addresses in
     * turn, as fast as intake answers, until told to stop.
     */
    private void flood(URI reports, int firstNetwork, AtomicBoolean flooding) {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        String body =
                """
                {"program":"pea2pea","title":"Flood","description":"One of very many."}\
                """;
        for (int i = 0; flooding.get(); i++) {
            String network = "203.0." + (firstNetwork + i % FLOODING_NETWORKS);
            String address = network + "." + (i / FLOODING_NETWORKS % 250 + 1);
            HttpRequest request =
                    HttpRequest.newBuilder(reports)
                            .header("Content-Type", "application/json")
                            .header("X-Forwarded-For", address)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build();
            inFlight.acquireUninterruptibly();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete(
                            (response, failure) -> {
                                inFlight.release();
                                if (response == null) {
                                    return;
                                }
                                if (response.statusCode() == 201) {
                                    admitted.incrementAndGet();
                                } else {
                                    refusedNetworks.putIfAbsent(
                                            network,
                                            response.statusCode()
                                                    + " "
                                                    + response.headers()
                                                            .firstValue("Retry-After")
                                                            .orElse("none"));
                                }
                            });
        }
        inFlight.acquireUninterruptibly(IN_FLIGHT);
    }

    /** 429 (the network over its share) or 503 (everyone), with a Retry-After in seconds. */
    private boolean isRefusalWithRetryAfter(String statusAndRetryAfter) {
        return statusAndRetryAfter.matches("(429|503) [1-9][0-9]*");
    }
}
