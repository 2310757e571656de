package dev.embargo.triage.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.embargo.contracts.report.ReportMessagePosted;
import dev.embargo.triage.IntakeEvents;
import dev.embargo.triage.TriageDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A case waiting for its reporter's answer (needs_info) pauses the team's triage clock; the answer
 * resumes it with the due time moved by exactly the time paused; a silence is reminded of once
 * halfway and closes the case as "no response" by triage's (adjustable) clock, and an answer in the
 * following period reopens it.
 */
@QuarkusTest
@TestSecurity(user = "tess", roles = "admin")
class ReporterWaitsTest {

    private static final String QUESTION = "Which broker version did you test against?";
    private static final Duration SEVERAL_SCANS = Duration.ofSeconds(4);

    @Inject IntakeEvents intake;

    @Inject TriageDatabase database;

    private String caseId;

    @BeforeEach
    void aCaseAskingItsReporterAQuestion() {
        caseId = intake.openCase();
        move(Map.of("to", "triaging")).statusCode(200);
        move(Map.of("to", "needs_info", "question", QUESTION))
                .statusCode(200)
                .body("pausedAt", org.hamcrest.Matchers.notNullValue());
    }

    @AfterEach
    void clockBackInStep() {
        runClockAheadBy(Duration.ZERO);
    }

    @Test
    void theAnswerMovesTheTriageDueTimeByExactlyTheTimePaused() {
        Instant triageDue = dueAt("triage");
        Instant fixDue = dueAt("fix");
        Instant disclosureDue = dueAt("disclosure");
        deadlines()
                .body("find { it.step == 'triage' }.standing", equalTo("paused"))
                .body("find { it.step == 'fix' }.standing", equalTo("paused"));
        assertThat(database.outboxPayloads("case.message.posted.v1", caseId)).hasSize(1);

        runClockAheadBy(Duration.ofDays(3));
        answer();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> caseView().body("state", equalTo("triaging")));

        Duration paused = Duration.parse(caseView().extract().path("pausedFor"));
        assertThat(paused).isBetween(Duration.ofDays(3), Duration.ofDays(3).plusMinutes(1));
        assertThat(dueAt("triage")).isEqualTo(triageDue.plus(paused));
        assertThat(dueAt("fix")).isEqualTo(fixDue.plus(paused));
        assertThat(dueAt("disclosure")).isEqualTo(disclosureDue);
        deadlines().body("find { it.step == 'triage' }.standing", equalTo("pending"));
        assertThat(scheduledDueAt("triage")).isEqualTo(triageDue.plus(paused));
        audit().body("action", hasItem(startsWith("clock paused")))
                .body(
                        "action",
                        hasItem("clock resumed after " + paused + ": triage and fix moved by it"));
        assertThat(database.outboxPayloads("case.deadlines.changed.v4", caseId))
                .anySatisfy(payload -> assertThat(payload).contains("\"cause\":\"paused\""))
                .anySatisfy(payload -> assertThat(payload).contains("\"cause\":\"resumed\""));
    }

    @Test
    void theReporterIsRemindedOnceHalfwayThroughTheSilence() {
        runClockAheadBy(Duration.ofDays(14));
        await().during(SEVERAL_SCANS)
                .atMost(SEVERAL_SCANS.plusSeconds(5))
                .untilAsserted(() -> assertThat(messagesToTheReporter()).isEqualTo(1));

        runClockAheadBy(Duration.ofDays(16));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(messagesToTheReporter()).isEqualTo(2));
        runClockAheadBy(Duration.ofDays(29));
        await().during(SEVERAL_SCANS)
                .atMost(SEVERAL_SCANS.plusSeconds(5))
                .untilAsserted(() -> assertThat(messagesToTheReporter()).isEqualTo(2));
        caseView().body("state", equalTo("needs_info"));
    }

    @Test
    void aSilentCaseClosesAsNoResponseAndAnAnswerInTimeReopensIt() {
        runClockAheadBy(Duration.ofDays(30).plusHours(1));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> caseView().body("state", equalTo("closed")));
        audit().body("find { it.action == 'state needs_info -> closed' }.actor", equalTo("system"));
        Instant triageDue = dueAt("triage");
        deadlines().body("find { it.step == 'triage' }.standing", equalTo("settled"));

        runClockAheadBy(Duration.ofDays(50));
        answer();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> caseView().body("state", equalTo("triaging")));
        audit().body(
                        "action",
                        hasItem("state closed -> triaging (reopened: the reporter answered)"));
        Duration paused = Duration.parse(caseView().extract().path("pausedFor"));
        assertThat(paused).isGreaterThanOrEqualTo(Duration.ofDays(50));
        deadlines().body("find { it.step == 'triage' }.standing", equalTo("pending"));
        assertThat(scheduledDueAt("triage")).isEqualTo(triageDue.plus(paused));
    }

    @Test
    void anAnswerAfterTheReopeningPeriodLeavesTheCaseClosed() {
        runClockAheadBy(Duration.ofDays(30).plusHours(1));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> caseView().body("state", equalTo("closed")));

        runClockAheadBy(Duration.ofDays(61));
        String messageId = answer();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> database.processed("triage.cases", messageId));
        caseView().body("state", equalTo("closed"));
    }

    @Test
    void aQuestionGoesOnlyWithAMoveToNeedsInfo() {
        move(Map.of("to", "triaging", "question", "Anything else?"))
                .statusCode(400)
                .contentType("application/problem+json");
        caseView().body("state", equalTo("needs_info"));
        assertThat(database.outboxPayloads("case.message.posted.v1", caseId)).hasSize(1);
    }

    /** The reporter answers through intake: the event's id is returned. */
    private String answer() {
        String eventId = UUID.randomUUID().toString();
        intake.publish(
                new ReportMessagePosted(
                        database.reportOf(caseId),
                        caseView().extract().path("trackingId"),
                        "moqtail",
                        UUID.randomUUID().toString(),
                        intake.seal("Broker 4.4.0, on Linux."),
                        Instant.now().truncatedTo(ChronoUnit.MILLIS)),
                eventId);
        return eventId;
    }

    private long messagesToTheReporter() {
        return database.outboxEvents("case.message.posted.v1", caseId);
    }

    private Instant dueAt(String step) {
        return Instant.parse(
                caseView()
                        .extract()
                        .path("deadlines.find { it.step == '%s' }.dueAt".formatted(step)));
    }

    /** The due time the deadline scheduler watches. */
    private Instant scheduledDueAt(String step) {
        return Instant.parse(
                deadlines().extract().path("find { it.step == '%s' }.dueAt".formatted(step)));
    }

    private ValidatableResponse move(Map<String, String> body) {
        return given().contentType(ContentType.JSON)
                .body(new HashMap<>(body))
                .when()
                .post("/api/v1/cases/" + caseId + "/transitions")
                .then();
    }

    private ValidatableResponse caseView() {
        return given().when().get("/api/v1/cases/" + caseId).then().statusCode(200);
    }

    private ValidatableResponse deadlines() {
        return given().when().get("/api/v1/cases/" + caseId + "/deadlines").then().statusCode(200);
    }

    private ValidatableResponse audit() {
        return given().when().get("/api/v1/cases/" + caseId + "/audit").then().statusCode(200);
    }

    private static void runClockAheadBy(Duration offset) {
        given().contentType(ContentType.JSON)
                .body(Map.of("offset", offset.toString()))
                .when()
                .put("/api/v1/clock")
                .then()
                .statusCode(200);
    }
}
