package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A reporter escalates a late step: accepted once, refused when nothing is late, the team emailed,
 * the case audited and flagged in the queue. Triage's clock opens the case three weeks ago, so its
 * 7-day triage promise is late by intake's clock.
 */
@ExtendWith(EmbargoStack.class)
class ReporterEscalationIT {

    private static final Duration SOON = Duration.ofSeconds(30);
    private static final String TEAM = "security@moqtail.dev";

    private RunningStack stack;
    private String coordinator;

    @BeforeEach
    void staff(RunningStack runningStack) {
        stack = runningStack;
        coordinator = stack.staffTokens().of("coordinator");
    }

    @AfterEach
    void clockBackInStep() {
        stack.triageClock().reset();
    }

    @Test
    void aLateStepIsEscalatedOnceTheTeamIsEmailedAndTheCaseFlagged() {
        SubmittedReport onTime =
                stack.reporter()
                        .submit(
                                "moqtail",
                                "Escalation: on time",
                                "on-" + UUID.randomUUID() + "@example.org");
        awaitTriageState(onTime, "pending");
        stack.reporter()
                .escalate(onTime.trackingId(), onTime.reporterToken(), "triage", "Any news?")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        stack.triageClock().moveTo(Instant.now().minus(Duration.ofDays(21)));
        SubmittedReport late =
                stack.reporter()
                        .submit(
                                "moqtail",
                                "Escalation: late",
                                "late-" + UUID.randomUUID() + "@example.org");
        awaitTriageState(late, "late");
        stack.triageClock().reset();

        stack.reporter()
                .escalate(
                        late.trackingId(), late.reporterToken(), "triage", "Three weeks, no answer")
                .then()
                .statusCode(201)
                .body("receivedAt", notNullValue());
        stack.reporter()
                .escalate(late.trackingId(), late.reporterToken(), "triage", "Again")
                .then()
                .statusCode(409);
        stack.reporter()
                .status(late.trackingId(), late.reporterToken())
                .then()
                .body("escalations.step", equalTo(List.of("triage")));

        String subject = "[" + late.trackingId() + "] The reporter escalated a late step: Triage";
        await().atMost(SOON)
                .untilAsserted(() -> assertThat(stack.mailbox().subjects(TEAM)).contains(subject));
        String caseId =
                await().atMost(SOON)
                        .until(
                                () ->
                                        given().auth()
                                                .oauth2(coordinator)
                                                .queryParam("escalated", true)
                                                .queryParam("program", "moqtail")
                                                .when()
                                                .get(stack.serviceUrl("triage") + "/api/v1/cases")
                                                .then()
                                                .statusCode(200)
                                                .extract()
                                                .jsonPath()
                                                .getString(
                                                        "find { it.trackingId == '%s' }.id"
                                                                .formatted(late.trackingId())),
                                id -> id != null);
        given().auth()
                .oauth2(coordinator)
                .when()
                .get(stack.serviceUrl("triage") + "/api/v1/cases/" + caseId + "/audit")
                .then()
                .statusCode(200)
                .body(
                        "action",
                        org.hamcrest.Matchers.hasItem("escalation of the late step triage"));
        assertThat(stack.mailbox().subjects(TEAM)).containsOnlyOnce(subject);
    }

    private void awaitTriageState(SubmittedReport report, String state) {
        await().atMost(SOON)
                .untilAsserted(
                        () ->
                                stack.reporter()
                                        .status(report.trackingId(), report.reporterToken())
                                        .then()
                                        .statusCode(200)
                                        .body(
                                                "deadlines.find { it.step == 'triage' }.state",
                                                equalTo(state)));
    }
}
