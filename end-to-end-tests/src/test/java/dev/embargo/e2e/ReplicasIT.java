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
import io.restassured.path.json.JsonPath;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * them, take a stream of reports through both intakes while their schedulers have work due; one
 * replica of each is killed (SIGKILL) in the middle of it. Nothing accepted is lost and nothing is
 * done twice: one case and one acknowledgement per report, the dead consumers' partitions pass to
 * the survivors, and each scheduler's claim (a deadline warning, an advisory's lift, a
 * pre-advisory's webhook to each endpoint) is taken once.
 *
 * <p>Staff tokens are fetched for each step, not once: on a loaded machine the run may outlast one.
 */
@ExtendWith(EmbargoStack.class)
class ReplicasIT {

    private static final List<String> SERVICES = StackSettings.ALL_SERVICES;
    private static final String PROGRAM = "moqtail";

    /** Between two reports of one sender: the two senders together send up to four a second. */
    private static final Duration PACE = Duration.ofMillis(500);

    /** Reports both intakes together have accepted when the replicas are killed. */
    private static final int REPORTS_BEFORE_THE_KILL = 16;

    /** Reports each sender has accepted after the kill before the stream ends. */
    private static final int REPORTS_AFTER_THE_KILL = 5;

    /** A sender that has sent this many without seeing the kill gives up: the test has stalled. */
    private static final int MOST_REPORTS_PER_SENDER = 40;

    private static final int ENDPOINTS = 30;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final Set<String> ONCE_PER_CASE_AND_STEP =
            Set.of("report.acknowledged.v2", "deadline.approaching.v2", "deadline.breached.v2");
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunningStack stack;
    private LocalStack launcher;
    private ConsumerGroups groups;
    private WebhookReceivers receivers;

    @BeforeEach
    void clients(RunningStack runningStack) {
        stack = runningStack;
        launcher = stack.launcher();
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
        // The first replicas register the partner while the second ones start.
        CompletableFuture<Void> secondReplicas =
                CompletableFuture.runAsync(this::startSecondReplicasInTheSameConsumerGroups);
        String partnerGroup = "replicas-" + run;
        String partner =
                new Partners(stack)
                        .register(
                                "Replicated partner " + run,
                                List.of(partnerGroup),
                                List.of(PROGRAM));
        List<String> paths = endpointsOf(partner);
        secondReplicas.join();
        String advisoryId = advisoryReadyToLift(run);
        scheduleLiftIn(advisoryId, Duration.ofSeconds(3));
        String toldByTwo = eachEndpointIsToldOnceByTwoReplicas(partner, partnerGroup, paths);
        await().atMost(WAIT).until(() -> "published".equals(advisoryState(advisoryId)));

        try (ReportStream stream = new ReportStream(run)) {
            runTriageClocksIntoTheTriageWarningOf(stream.first());
            stream.awaitAccepted(REPORTS_BEFORE_THE_KILL);
            Map<String, Integer> consumersBeforeTheKill = consumersPerGroup();
            int answeredBefore = receivers.answered();
            // Slow receivers keep the next fan-out in flight when notify's replica dies.
            receivers.answerAfter(Duration.ofSeconds(2));
            String toldAcrossTheKill =
                    new Partners(stack)
                            .releasePreAdvisory("Told across a kill " + run, List.of(partnerGroup));
            await().atMost(WAIT).until(() -> reached(paths, toldAcrossTheKill) >= ENDPOINTS / 4);
            int answeredBeforeTheKill = receivers.answered() - answeredBefore;
            stream.replicasKilled();
            forEachService(service -> launcher.replica(service, 2).kill());
            receivers.answerAfter(Duration.ZERO);
            assertThat(stream.isDone()).as("the stream still runs when the replicas die").isFalse();
            assertThat(answeredBeforeTheKill)
                    .as("messages of the fan-out answered before the kill")
                    .isLessThan(ENDPOINTS);

            stream.awaitEnd();
            assertThat(stream.otherAnswers()).as("answers other than 201 Created").isEmpty();
            assertThat(stream.accepted())
                    .as("reports the second intake accepted before it died")
                    .anyMatch(accepted -> accepted.replica() == 2);
            List<SubmittedReport> reports =
                    stream.accepted().stream().map(Accepted::report).toList();

            theDeadConsumersPartitionsPassToTheSurvivors(consumersBeforeTheKill);
            eachReportHasOneCase(reports);
            theSurvivorsReadEverythingPublishedSoFar();
            eachCaseIsAcknowledgedAndWarnedOncePerStep(reports);
            theAdvisoryIsPublishedOnce(advisoryId);
            eachEndpointGetsOneMessage(paths, toldAcrossTheKill);
            assertThat(paths)
                    .as("endpoints told by two replicas, each once")
                    .allSatisfy(path -> assertThat(requests(path, toldByTwo)).hasSize(1));
            eachReporterGetsOneAcknowledgement(reports);
        }
    }

    /**
     * Starts the second replicas side by side; their consumers join the groups of the first ones,
     * which then have more members, holding every partition between them once they have settled.
     */
    private void startSecondReplicasInTheSameConsumerGroups() {
        await().atMost(WAIT)
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
        await().atMost(WAIT)
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

    /** Gives the partner {@link #ENDPOINTS} webhook endpoints; their receivers' paths. */
    private List<String> endpointsOf(String partner) {
        Partners partners = new Partners(stack);
        List<String> paths = IntStream.range(0, ENDPOINTS).mapToObj(i -> "/replicas-" + i).toList();
        paths.forEach(path -> partners.addEndpoint(partner, receivers.url(path)));
        return paths;
    }

    /**
     * A pre-advisory released while both notify replicas poll for deliveries, to receivers slow
     * enough that a second sender would find every delivery still pending: each is claimed by one
     * replica and tried once. Returns the pre-advisory's id once every delivery is recorded, so
     * that no delivery of it is left for the kill to interrupt.
     */
    private String eachEndpointIsToldOnceByTwoReplicas(
            String partner, String partnerGroup, List<String> paths) {
        receivers.answerAfter(Duration.ofSeconds(1));
        String preAdvisory =
                new Partners(stack)
                        .releasePreAdvisory("Told by two replicas", List.of(partnerGroup));
        String coordinator = stack.staffTokens().of("coordinator");
        await().atMost(WAIT)
                .until(
                        () ->
                                deliveriesOf(partner, coordinator)
                                        .getList("findAll { it.status == 'delivered' }")
                                        .size(),
                        delivered -> delivered == ENDPOINTS);
        assertThat(deliveriesOf(partner, coordinator).getList("attempts", Integer.class))
                .as("tries of each delivery")
                .containsOnly(1);
        assertThat(reached(paths, preAdvisory)).isEqualTo(ENDPOINTS);
        return preAdvisory;
    }

    private JsonPath deliveriesOf(String partner, String coordinator) {
        return given().auth()
                .oauth2(coordinator)
                .queryParam("size", 1000)
                .when()
                .get(stack.serviceUrl("notify") + "/api/v1/partners/" + partner + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The requests an endpoint got that carry the pre-advisory. */
    private List<Received> requests(String path, String preAdvisory) {
        return receivers.at(path).stream()
                .filter(request -> request.body().contains(preAdvisory))
                .toList();
    }

    /** How many endpoints the pre-advisory reached. */
    private int reached(List<String> paths, String preAdvisory) {
        return (int) paths.stream().filter(path -> !requests(path, preAdvisory).isEmpty()).count();
    }

    /**
     * An advisory drafted from an accepted case, complete: ready for its lift to be scheduled. The
     * case's moves reach advisory through both triage replicas' outbox relays, which must keep them
     * in order: advisory drafts only from a case whose last known state is accepted.
     */
    private String advisoryReadyToLift(String run) {
        SubmittedReport report =
                stack.reporter()
                        .submit(
                                PROGRAM,
                                "Lifted under two replicas " + run,
                                "replicas-advisory-" + run + "@example.org");
        String advisoryId = AdvisoryDrafts.draftedFromAcceptedCase(stack, report);
        AdvisoryDrafts.revise(stack, advisoryId, "Lifted once " + run, null, "Ready to lift")
                .then()
                .statusCode(200);
        return advisoryId;
    }

    /** Schedules the advisory's lift: both advisory replicas' schedulers will find it due. */
    private void scheduleLiftIn(String advisoryId, Duration delay) {
        given().auth()
                .oauth2(stack.staffTokens().of("coordinator"))
                .contentType(ContentType.JSON)
                .body(Map.of("liftAt", Instant.now().plus(delay).toString()))
                .when()
                .put(advisories() + "/" + advisoryId + "/embargo")
                .then()
                .statusCode(200)
                .body("state", equalTo("scheduled"));
    }

    private String advisoryState(String advisoryId) {
        return given().auth()
                .oauth2(stack.staffTokens().of("publisher"))
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
                                .oauth2(stack.staffTokens().of("triager"))
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
        await().atMost(WAIT)
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
        String triager = stack.staffTokens().of("triager");
        await().atMost(WAIT)
                .untilAsserted(
                        () ->
                                assertThat(
                                                Cases.openedFor(
                                                                stack,
                                                                triager,
                                                                PROGRAM,
                                                                trackingIds)
                                                        .stream()
                                                        .collect(
                                                                Collectors.groupingBy(
                                                                        id -> id,
                                                                        Collectors.counting())))
                                        .hasSize(reports.size())
                                        .allSatisfy((id, cases) -> assertThat(cases).isOne()));
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
        await().atMost(WAIT)
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
                    expected.add("deadline.approaching.v2 " + id + " triage");
                });
        await().atMost(WAIT)
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
        await().atMost(WAIT)
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
    private void eachEndpointGetsOneMessage(List<String> paths, String preAdvisory) {
        await().atMost(WAIT).until(() -> reached(paths, preAdvisory) == ENDPOINTS);
        for (String path : paths) {
            List<Received> got = requests(path, preAdvisory);
            assertThat(got.stream().map(Received::webhookId).distinct()).as(path).hasSize(1);
            assertThat(got.stream().map(Received::body).distinct()).as(path).hasSize(1);
        }
        assertThat(
                        paths.stream()
                                .map(path -> requests(path, preAdvisory).get(0).webhookId())
                                .distinct())
                .hasSize(ENDPOINTS);
    }

    /**
     * One acknowledgement in each reporter's inbox. An email the dead notify had handed to the mail
     * server before it could record so goes out again with the same Message-ID, which mail clients
     * show once; a second acknowledgement would have an id of its own.
     */
    private void eachReporterGetsOneAcknowledgement(List<SubmittedReport> reports) {
        Mailbox mailbox = stack.mailbox();
        await().atMost(WAIT)
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

    /** A report intake answered 201, and the replica that did. */
    private record Accepted(SubmittedReport report, int replica) {}

    /**
     * Reports at a steady pace from two senders, one per intake replica, as a load balancer would
     * spread them; a sender whose replica does not answer goes on with the other one. Each ends
     * once the other intake has accepted {@link #REPORTS_AFTER_THE_KILL} of its reports sent after
     * the kill.
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
        private volatile boolean replicasKilled;

        ReportStream(String run) {
            this.run = run;
            done =
                    CompletableFuture.allOf(
                            CompletableFuture.runAsync(() -> send(0), senders),
                            CompletableFuture.runAsync(() -> send(1), senders));
        }

        private void send(int sender) {
            int intake = sender;
            int acceptedAfterTheKill = 0;
            for (int n = 0; acceptedAfterTheKill < REPORTS_AFTER_THE_KILL; n++) {
                if (n == MOST_REPORTS_PER_SENDER) {
                    throw new IllegalStateException(
                            "No kill, or no answers after it, within %d reports".formatted(n));
                }
                boolean afterTheKill = replicasKilled;
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
                                        intake + 1));
                        if (afterTheKill) {
                            acceptedAfterTheKill++;
                        }
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
            awaitAccepted(1);
            return accepted.get(0).report();
        }

        void awaitAccepted(int reports) {
            await().atMost(WAIT).until(() -> accepted.size() >= reports);
        }

        /** From now on, reports count as sent after the kill. */
        void replicasKilled() {
            replicasKilled = true;
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
            try {
                done.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("The stream of reports did not end", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
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
