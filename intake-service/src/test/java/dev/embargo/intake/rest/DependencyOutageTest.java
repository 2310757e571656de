package dev.embargo.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.intake.support.Programs;
import dev.embargo.intake.support.Researcher;
import dev.embargo.localstack.ServiceTestInfrastructure;
import dev.embargo.localstack.ServiceTestInfrastructure.Dependency;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL or Kafka going away under intake: callers are told to come back (503 with {@code
 * Retry-After}), never that their request was wrong (400) or that intake broke (500), and readiness
 * answers within a probe's timeout. Each test starts what it stopped again before it ends ({@link
 * ServiceTestInfrastructure#whileStopped}), so the module's other tests find it running.
 */
@QuarkusTest
class DependencyOutageTest {

    /** Below the chart's readiness probe timeout (3 s). */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TestHTTPResource("/api/v1/reports")
    URI reports;

    @TestHTTPResource(value = "health/ready", management = true)
    URI readiness;

    @BeforeEach
    void seedPrograms() {
        Programs.publishSeeds();
    }

    @Test
    void whilePostgresIsDownReportsAreAcceptedOrToldToRetryAndAreAcceptedAgainOnceItIsBack()
            throws InterruptedException {
        Queue<Answer> answers = new ConcurrentLinkedQueue<>();
        ExecutorService researchers = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            researchers.execute(() -> submitUntilInterrupted(answers));
        }
        try {
            awaitAnswer(answers, answer -> answer.status() == 201);
            ServiceTestInfrastructure.whileStopped(
                    Dependency.POSTGRES,
                    () -> {
                        awaitAnswer(answers, answer -> answer.status() != 201);
                        // Keep the load on for a while: in-flight, new and retried transactions.
                        sleep(Duration.ofSeconds(2));
                    });
            awaitAnswer(answers, answer -> answer.status() == 201);
        } finally {
            researchers.shutdownNow();
            assertThat(researchers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(answers).isNotEmpty().allSatisfy(DependencyOutageTest::isAcceptedOrRetry);
    }

    @Test
    void whilePostgresIsDownReadinessSaysSoWithinTheProbeTimeout() {
        awaitReady();
        ServiceTestInfrastructure.whileStopped(
                Dependency.POSTGRES, () -> assertReadinessAnswersDownInTime());
        await().atMost(Duration.ofSeconds(60)).until(() -> readinessStatus() == 200);
    }

    @Test
    void whileKafkaIsDownReadinessSaysSoWithinTheProbeTimeout() {
        awaitReady();
        ServiceTestInfrastructure.whileStopped(
                Dependency.KAFKA, () -> assertReadinessAnswersDownInTime());
        // The consumers reconnect and join their groups again.
        await().atMost(Duration.ofSeconds(90)).until(() -> readinessStatus() == 200);
    }

    /**
     * A ready service to begin with, probed once already, as Kubernetes has done long before an
     * outage: the first request of a fresh JVM on a busy machine says nothing about the probe.
     */
    private void awaitReady() {
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> given().when().get(readiness).then().statusCode(200));
    }

    /**
     * Probes readiness as Kubernetes does, repeatedly: every answer in time, DOWN at the latest
     * after a few.
     */
    private void assertReadinessAnswersDownInTime() {
        List<Integer> statuses = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> {
                            statuses.add(readinessStatus());
                            return statuses.size() >= 6 && statuses.contains(503);
                        });
        assertThat(statuses).isSubsetOf(200, 503);
    }

    /** The readiness status code; fails when it takes longer than the probe timeout. */
    private int readinessStatus() throws IOException, InterruptedException {
        HttpRequest probe = HttpRequest.newBuilder(readiness).timeout(PROBE_TIMEOUT).GET().build();
        try {
            return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException e) {
            throw new AssertionError("Readiness gave no answer within " + PROBE_TIMEOUT, e);
        }
    }

    /** A researcher after another submits a report, each from an address of their own. */
    private void submitUntilInterrupted(Queue<Answer> answers) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Researcher researcher = Researcher.fresh();
                HttpRequest submission =
                        HttpRequest.newBuilder(reports)
                                .timeout(Duration.ofSeconds(20))
                                .header("Content-Type", "application/json")
                                .header("X-Forwarded-For", researcher.address())
                                .POST(
                                        HttpRequest.BodyPublishers.ofByteArray(
                                                JSON.writeValueAsBytes(
                                                        Researcher.report("pea2pea"))))
                                .build();
                HttpResponse<String> response =
                        http.send(submission, HttpResponse.BodyHandlers.ofString());
                answers.add(
                        new Answer(
                                response.statusCode(),
                                response.headers().firstValue("Content-Type").orElse(""),
                                response.headers().firstValue("Retry-After").orElse(""),
                                response.body()));
                // A small load: well below intake's global rate limit.
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            answers.add(new Answer(0, "", "", "no answer: " + e));
        }
    }

    /** Waits until an answer of the kind arrives after those already there. */
    private static void awaitAnswer(Queue<Answer> answers, Predicate<Answer> kind) {
        int before = answers.size();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> answers.stream().skip(before).anyMatch(kind));
    }

    private static void isAcceptedOrRetry(Answer answer) {
        if (answer.status() == 201) {
            return;
        }
        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
        assertThat(answer.contentType())
                .as(answer.toString())
                .startsWith("application/problem+json");
        assertThat(answer.retryAfter()).as(answer.toString()).matches("[1-9][0-9]*");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Answer(int status, String contentType, String retryAfter, String body) {}
}
