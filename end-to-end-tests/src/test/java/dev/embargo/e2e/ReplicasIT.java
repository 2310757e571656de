package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.contracts.Topics;
import dev.embargo.e2e.support.AdvisoryDrafts;
import dev.embargo.e2e.support.Cases;
import dev.embargo.e2e.support.ConsumerGroups;
import dev.embargo.e2e.support.ConsumerGroups.Group;
import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.LifecycleEvents.LifecycleEvent;
import dev.embargo.e2e.support.Mailbox;
import dev.embargo.e2e.support.Partners;
import dev.embargo.e2e.support.Reporter;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import dev.embargo.e2e.support.WebhookReceivers;
import dev.embargo.e2e.support.WebhookReceivers.Received;
import dev.embargo.localstack.LocalStack;
import dev.embargo.localstack.StackSettings;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two replicas of every service on the same databases and Kafka consumer groups, as the chart runs
 * them, take a steady stream of reports through both intakes while their schedulers have work due;
 * one replica of each is killed (SIGKILL) in the middle of it. Nothing accepted is lost and nothing
 * is done twice: one case and one acknowledgement per report, the dead consumers' partitions pass
 * to the survivors, and each scheduler's claim (a deadline warning, an advisory's lift, a
 * pre-advisory's webhook to each endpoint) is taken once.
 */
@ExtendWith(EmbargoStack.class)
class ReplicasIT {

    private static final List<String> SERVICES = StackSettings.ALL_SERVICES;
    private static final String PROGRAM = "moqtail";
    private static final int REPORTS_PER_SENDER = 120;

    /** Between two reports of one sender: the two senders together send about ten a second. */
    private static final Duration PACE = Duration.ofMillis(200);

    /** More than notify sends at once (128), so that the fan-out still runs when one dies. */
    private static final int ENDPOINTS = 150;

    private static final Set<String> ONCE_PER_CASE_AND_STEP =
            Set.of("report.acknowledged.v2", "deadline.approaching.v1", "deadline.breached.v1");
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunningStack stack;
    private LocalStack launcher;
    private String triager;
    private String publisher;
    private String coordinator;
    private ConsumerGroups groups;
    private WebhookReceivers receivers;

    @BeforeEach
    void clients(RunningStack runningStack) {
        stack = runningStack;
        launcher = stack.launcher();
        triager = stack.staffTokens().of("triager");
        publisher = stack.staffTokens().of("publisher");
        coordinator = stack.staffTokens().of("coordinator");
        groups = new ConsumerGroups(launcher.kafkaBootstrap());
        receivers = new WebhookReceivers();
    }

    /**
     * Later test classes find the stack as it started: one replica each, triage's clock in step.
     */
    @AfterEach
    void backToOneReplicaEach() {
        try {
            stack.triageClock().reset();
        } finally {
            forEachService(service -> launcher.replica(service, 2).stop());
            receivers.close();
            groups.close();
        }
    }

    @Test
    void killingOneReplicaOfEachServiceMidStreamLosesNothingAndDoesNothingTwice() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        startSecondReplicasInTheSameConsumerGroups();
        Partners partners = new Partners(stack);
        String partnerGroup = "replicas-" + run;
        String partner =
                partners.register(
                        "Replicated partner " + run, List.of(partnerGroup), List.of(PROGRAM));
        List<String> paths = IntStream.range(0, ENDPOINTS).mapToObj(i -> "/replicas-" + i).toList();
        paths.forEach(path -> partners.addEndpoint(partner, receivers.url(path)));
        String advisoryId = advisoryLiftingIn(Duration.ofSeconds(5), run);

        try (ReportStream stream = new ReportStream(run)) {
            runTriageClocksIntoTheTriageWarningOf(stream.first());
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () ->
                                    stream.accepted().size() >= REPORTS_PER_SENDER * 2 / 3
                                            && "published".equals(advisoryState(advisoryId)));
            // Slow receivers keep the fan-out in flight when notify's replica dies.
            receivers.answerAfter(Duration.ofSeconds(2));
            partners.releasePreAdvisory("Told by two replicas " + run, List.of(partnerGroup));
            await().atMost(Duration.ofSeconds(30)).until(() -> receivers.pathsReached() >= 20);

            Map<String, Integer> consumersBeforeTheKill = consumersPerGroup();
            int reachedBeforeTheKill = receivers.pathsReached();
            Instant killedAt = Instant.now();
            SERVICES.forEach(service -> launcher.replica(service, 2).kill());
            receivers.answerAfter(Duration.ZERO);
            assertThat(stream.isDone()).as("the stream still runs when the replicas die").isFalse();
            assertThat(reachedBeforeTheKill)
                    .as("endpoints reached before the kill")
                    .isLessThan(ENDPOINTS);

            stream.awaitEnd();
            assertThat(stream.otherAnswers()).as("answers other than 201 Created").isEmpty();
            assertThat(stream.accepted())
                    .as("reports the second intake accepted before it died")
                    .anyMatch(accepted -> accepted.replica() == 2)
                    .as("reports accepted after the kill")
                    .anyMatch(accepted -> accepted.at().isAfter(killedAt));
            List<SubmittedReport> reports =
                    stream.accepted().stream().map(Accepted::report).toList();

            theDeadConsumersPartitionsPassToTheSurvivors(consumersBeforeTheKill);
            eachReportHasOneCase(reports);
            theSurvivorsReadEverythingPublishedSoFar();
            eachCaseIsAcknowledgedAndWarnedOncePerStep(reports);
            theAdvisoryIsPublishedOnce(advisoryId);
            eachEndpointGetsOneMessage(paths);
            eachReporterGetsOneAcknowledgement(reports);
        }
    }

    /**
     * Starts the second replicas side by side; their consumers join the groups of the first ones,
     * which then have more members, holding every partition between them once they have settled.
     */
    private void startSecondReplicasInTheSameConsumerGroups() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                SERVICES.forEach(
                                        service ->
                                                assertThat(
                                                                groups.describe(service)
                                                                        .holdsEveryPartition())
                                                        .as("%s's partitions all held", service)
                                                        .isTrue()));
        Map<String, Integer> consumersOfOneReplica = consumersPerGroup();
        forEachService(launcher::startReplica);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () ->
                                SERVICES.forEach(
                                        service -> {
                                            Group group = groups.describe(service);
                                            assertThat(group.members())
                                                    .as("%s's consumers with two replicas", service)
                                                    .hasSizeGreaterThan(
                                                            consumersOfOneReplica.get(service));
                                            assertThat(group.holdsEveryPartition())
                                                    .as("%s's partitions all held", service)
                                                    .isTrue();
                                        }));
    }

    /** How many consumers each service's group has now. */
    private Map<String, Integer> consumersPerGroup() {
        Map<String, Integer> consumers = new HashMap<>();
        SERVICES.forEach(
                service -> consumers.put(service, groups.describe(service).members().size()));
        return consumers;
    }

    /** An advisory drafted from an accepted case, complete, scheduled to lift after the delay. */
    private String advisoryLiftingIn(Duration delay, String run) {
        SubmittedReport report =
                stack.reporter()
                        .submit(
                                PROGRAM,
                                "Lifted under two replicas " + run,
                                "replicas-advisory-" + run + "@example.org");
        AdvisoryDrafts.acceptCase(stack, report);
        String advisoryId = AdvisoryDrafts.draft(stack, report.trackingId());
        AdvisoryDrafts.revise(stack, advisoryId, "Lifted once " + run, null, "Ready to lift")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(Map.of("liftAt", Instant.now().plus(delay).toString()))
                .when()
                .put(advisories() + "/" + advisoryId + "/embargo")
                .then()
                .statusCode(200)
                .body("state", equalTo("scheduled"));
        return advisoryId;
    }

    private String advisoryState(String advisoryId) {
        return given().auth()
                .oauth2(publisher)
                .when()
                .get(advisories() + "/" + advisoryId)
                .then()
                .statusCode(200)
                .extract()
                .path("state");
    }

    /**
     * Runs both triage replicas' clocks (each keeps its own) to an hour before the first case's
     * triage step is due: inside the warning time of every case of the stream, before any is due.
     */
    private void runTriageClocksIntoTheTriageWarningOf(SubmittedReport first) {
        String caseId = Cases.idOf(stack, first);
        Instant due =
                Instant.parse(
                        given().auth()
                                .oauth2(triager)
                                .when()
                                .get(stack.serviceUrl("triage") + "/api/v1/cases/" + caseId)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getString("deadlines.find { it.step == 'triage' }.dueAt"));
        for (int replica = 1; replica <= 2; replica++) {
            stack.triageClock(launcher.replica("triage", replica))
                    .moveTo(due.minus(Duration.ofHours(1)));
        }
    }

    /**
     * Once a dead consumer's session has timed out, its group is smaller and every partition it
     * held is with a survivor.
     */
    private void theDeadConsumersPartitionsPassToTheSurvivors(
            Map<String, Integer> consumersBefore) {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () ->
                                SERVICES.forEach(
                                        service -> {
                                            Group group = groups.describe(service);
                                            assertThat(group.members())
                                                    .as("%s's consumers after the kill", service)
                                                    .hasSizeLessThan(consumersBefore.get(service));
                                            assertThat(group.holdsEveryPartition())
                                                    .as("%s's partitions all held", service)
                                                    .isTrue();
                                        }));
    }

    private void eachReportHasOneCase(List<SubmittedReport> reports) {
        Set<String> trackingIds =
                reports.stream().map(SubmittedReport::trackingId).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () ->
                                assertThat(casesPerReport(trackingIds))
                                        .hasSize(reports.size())
                                        .allSatisfy((id, cases) -> assertThat(cases).isOne()));
    }

    private Map<String, Long> casesPerReport(Set<String> trackingIds) {
        return Cases.openedFor(stack, triager, PROGRAM, trackingIds).stream()
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
    }

    /**
     * Every event published until now, on the partitions the dead replicas held too, is read and
     * committed by each service's surviving consumers.
     */
    private void theSurvivorsReadEverythingPublishedSoFar() {
        Map<String, Map<TopicPartition, Long>> ends = new HashMap<>();
        SERVICES.forEach(
                service ->
                        ends.put(
                                service, groups.endOffsets(groups.describe(service).partitions())));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () ->
                                SERVICES.forEach(
                                        service ->
                                                assertThat(
                                                                groups.behind(
                                                                        service, ends.get(service)))
                                                        .as(
                                                                "%s's partitions not read so far",
                                                                service)
                                                        .isEmpty()));
    }

    /**
     * One acknowledgement per report and one warning of its triage step per case, whichever triage
     * replica claimed it; nothing is announced twice (a relay may publish an event again after a
     * crash, but always under its original id), and nothing is breached.
     */
    private void eachCaseIsAcknowledgedAndWarnedOncePerStep(List<SubmittedReport> reports) {
        Set<String> trackingIds =
                reports.stream().map(SubmittedReport::trackingId).collect(Collectors.toSet());
        Set<String> expected = new HashSet<>();
        trackingIds.forEach(
                id -> {
                    expected.add("report.acknowledged.v2 " + id + " -");
                    expected.add("deadline.approaching.v1 " + id + " triage");
                });
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(3))
                .untilAsserted(
                        () -> {
                            Map<String, Set<String>> idsPerCaseAndStep = new HashMap<>();
                            for (LifecycleEvent event : stack.lifecycleEvents().readAll()) {
                                if (!ONCE_PER_CASE_AND_STEP.contains(event.type())) {
                                    continue;
                                }
                                JsonNode data = JSON.readTree(event.data());
                                String trackingId = data.path("trackingId").asText();
                                if (trackingIds.contains(trackingId)) {
                                    idsPerCaseAndStep
                                            .computeIfAbsent(
                                                    event.type()
                                                            + " "
                                                            + trackingId
                                                            + " "
                                                            + data.path("step").asText("-"),
                                                    key -> new HashSet<>())
                                            .add(event.id());
                                }
                            }
                            assertThat(idsPerCaseAndStep.keySet())
                                    .containsAll(expected)
                                    .noneMatch(key -> key.startsWith("deadline.breached"));
                            assertThat(idsPerCaseAndStep)
                                    .allSatisfy(
                                            (announcement, ids) ->
                                                    assertThat(ids).as(announcement).hasSize(1));
                        });
    }

    private void theAdvisoryIsPublishedOnce(String advisoryId) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(publicationIdsOf(advisoryId)).hasSize(1));
    }

    /** The ids of the advisory's {@code advisory.published} events on Kafka. */
    private Set<String> publicationIdsOf(String advisoryId) {
        return stack.lifecycleEvents().readAll(Topics.ADVISORY_LIFECYCLE.name()).stream()
                .filter(event -> "advisory.published.v1".equals(event.type()))
                .filter(event -> advisoryId.equals(event.key()))
                .map(LifecycleEvent::id)
                .collect(Collectors.toSet());
    }

    /**
     * Every endpoint is reached, each with one message id and one body: a delivery the dead replica
     * had leased goes out again, as itself.
     */
    private void eachEndpointGetsOneMessage(List<String> paths) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> paths.stream().allMatch(path -> !receivers.at(path).isEmpty()));
        for (String path : paths) {
            List<Received> got = receivers.at(path);
            assertThat(got.stream().map(Received::webhookId).distinct()).as(path).hasSize(1);
            assertThat(got.stream().map(Received::body).distinct()).as(path).hasSize(1);
        }
        assertThat(paths.stream().map(path -> receivers.at(path).get(0).webhookId()).distinct())
                .hasSize(ENDPOINTS);
    }

    /**
     * One acknowledgement in each reporter's inbox. An email the dead notify had handed to the mail
     * server before it could record so goes out again with the same Message-ID, which mail clients
     * show once; a second acknowledgement would have an id of its own.
     */
    private void eachReporterGetsOneAcknowledgement(List<SubmittedReport> reports) {
        Mailbox mailbox = stack.mailbox();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(
                        () ->
                                assertThat(reports)
                                        .allSatisfy(
                                                report ->
                                                        assertThat(
                                                                        new HashSet<>(
                                                                                mailbox.messageIds(
                                                                                        report
                                                                                                .reporterEmail())))
                                                                .as(report.trackingId())
                                                                .hasSize(1)));
    }

    private String advisories() {
        return stack.serviceUrl("advisory") + "/api/v1/advisories";
    }

    /** Runs an action for each service at once, and returns when all are done. */
    private static void forEachService(Consumer<String> action) {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture.allOf(
                            SERVICES.stream()
                                    .map(
                                            service ->
                                                    CompletableFuture.runAsync(
                                                            () -> action.accept(service), threads))
                                    .toArray(CompletableFuture[]::new))
                    .join();
        }
    }

    /** A report intake answered 201, the replica that did, and when. */
    private record Accepted(SubmittedReport report, int replica, Instant at) {}

    /**
     * Reports at a steady pace from two senders, one per intake replica, as a load balancer would
     * spread them; a sender whose replica does not answer goes on with the other one.
     */
    private final class ReportStream implements AutoCloseable {

        private final String run;
        private final List<Reporter> intakes =
                List.of(
                        new Reporter(launcher.replica("intake", 1).baseUrl()),
                        new Reporter(launcher.replica("intake", 2).baseUrl()));
        private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
        private final List<Integer> otherAnswers = new CopyOnWriteArrayList<>();
        private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
        private final CompletableFuture<Void> done;

        ReportStream(String run) {
            this.run = run;
            done =
                    CompletableFuture.allOf(
                            CompletableFuture.runAsync(() -> send(0), senders),
                            CompletableFuture.runAsync(() -> send(1), senders));
        }

        private void send(int sender) {
            int intake = sender;
            for (int n = 0; n < REPORTS_PER_SENDER; n++) {
                String reporterEmail = "replicas-%s-%d-%03d@example.org".formatted(run, sender, n);
                try {
                    Response answer =
                            intakes.get(intake)
                                    .post(
                                            Map.of(
                                                    "program",
                                                    PROGRAM,
                                                    "title",
                                                    "Replicated report " + n,
                                                    "description",
                                                    "Steps to reproduce: send a crafted frame.",
                                                    "reporterEmail",
                                                    reporterEmail));
                    if (answer.statusCode() == 201) {
                        accepted.add(
                                new Accepted(
                                        new SubmittedReport(
                                                answer.path("trackingId"),
                                                answer.path("statusUrl"),
                                                answer.path("reporterToken"),
                                                reporterEmail),
                                        intake + 1,
                                        Instant.now()));
                    } else {
                        otherAnswers.add(answer.statusCode());
                    }
                } catch (Exception noAnswer) {
                    intake = 1 - intake;
                }
                pause();
            }
        }

        SubmittedReport first() {
            await().atMost(Duration.ofSeconds(30)).until(() -> !accepted.isEmpty());
            return accepted.get(0).report();
        }

        List<Accepted> accepted() {
            return accepted;
        }

        List<Integer> otherAnswers() {
            return otherAnswers;
        }

        boolean isDone() {
            return done.isDone();
        }

        void awaitEnd() {
            done.join();
        }

        @Override
        public void close() {
            senders.shutdownNow();
            senders.close();
        }

        private static void pause() {
            try {
                Thread.sleep(PACE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
