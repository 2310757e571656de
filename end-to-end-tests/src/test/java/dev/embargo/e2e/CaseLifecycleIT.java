package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.LifecycleEvents.LifecycleEvent;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Staff move cases through their lifecycle on the whole platform: every move is an event on Kafka,
 * the reporter follows it, the dates it changes reach them. Triage's own rules (refused moves,
 * scoring, scope, audit chain, queue filters) are triage-service's tests.
 */
@ExtendWith(EmbargoStack.class)
class CaseLifecycleIT {

    private RunningStack stack;
    private String triager;
    private String caseId;
    private SubmittedReport report;

    @BeforeEach
    void anAcknowledgedCase(RunningStack runningStack) {
        stack = runningStack;
        triager = stack.staffTokens().of("triager");
        report =
                stack.reporter()
                        .submit(
                                "moqtail",
                                "Regex backtracking in selector parser",
                                "lifecycle-" + UUID.randomUUID() + "@example.org");
        caseId =
                await().atMost(Duration.ofSeconds(20))
                        .until(
                                () ->
                                        given().auth()
                                                .oauth2(triager)
                                                .queryParam("size", 500)
                                                .when()
                                                .get(cases())
                                                .then()
                                                .statusCode(200)
                                                .extract()
                                                .jsonPath()
                                                .getString(
                                                        "find { it.trackingId == '%s' }.id"
                                                                .formatted(report.trackingId())),
                                id -> id != null);
    }

    @Test
    void aCaseMovesThroughTriageAndEachMoveIsAnEventAndAnAuditLine() {
        move("triaging", "Reproducing with the PoC")
                .then()
                .statusCode(200)
                .body("state", equalTo("triaging"))
                .body("allowedTransitions", hasItems("accepted", "needs_info", "duplicate"));
        move("accepted", "Confirmed: O(n^2) path expansion")
                .then()
                .statusCode(200)
                .body("state", equalTo("accepted"));

        given().auth()
                .oauth2(triager)
                .when()
                .get(cases() + "/" + caseId + "/audit")
                .then()
                .statusCode(200)
                .body(
                        "action",
                        contains(
                                "opened under program moqtail revision 1, acknowledged",
                                "state acknowledged -> triaging",
                                "state triaging -> accepted"))
                .body("[2].actor", equalTo("triager"))
                .body("[2].detail", equalTo("Confirmed: O(n^2) path expansion"));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> {
                            List<LifecycleEvent> moves =
                                    stack.lifecycleEvents().readAll().stream()
                                            .filter(
                                                    event ->
                                                            "case.state.changed.v1"
                                                                    .equals(event.type()))
                                            .filter(event -> event.data().contains(caseId))
                                            .toList();
                            assertThat(moves)
                                    .hasSize(2)
                                    .allSatisfy(
                                            event -> {
                                                assertThat(event.source())
                                                        .isEqualTo("/embargo/triage");
                                                // The reason is staff's words about the
                                                // vulnerability: sealed on Kafka.
                                                assertThat(event.data())
                                                        .doesNotContain("PoC", "O(n^2)");
                                            });
                        });
    }

    @Test
    void theReporterFollowsTheCaseButNeverSeesItCalledSpam() {
        move("triaging", null).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                stack.reporter()
                                        .status(report.trackingId(), report.reporterToken())
                                        .then()
                                        .statusCode(200)
                                        .body("status", equalTo("triaging")));
        move("spam", "Generated text, no vulnerability").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                stack.reporter()
                                        .status(report.trackingId(), report.reporterToken())
                                        .then()
                                        .statusCode(200)
                                        .body("status", equalTo("closed")));
    }

    @Test
    void prometheusShowsTimeToAcknowledgeAndTriageDeadlinesMetAndOpenCasesPerState() {
        move("triaging", null).then().statusCode(200);
        move("accepted", null).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> {
                            String metrics =
                                    given().when()
                                            .get(stack.managementUrl("triage") + "/metrics")
                                            .then()
                                            .statusCode(200)
                                            .extract()
                                            .asString();
                            assertThat(metrics)
                                    .contains(
                                            "embargo_case_time_to_acknowledge_seconds_count{program=\"moqtail\"")
                                    .contains(
                                            "embargo_case_time_to_triage_seconds_count{program=\"moqtail\"")
                                    .containsPattern(
                                            "embargo_deadline_outcome_total\\{outcome=\"met\",program=\"moqtail\",step=\"acknowledgement\"}")
                                    .containsPattern(
                                            "embargo_deadline_outcome_total\\{outcome=\"met\",program=\"moqtail\",step=\"triage\"}")
                                    .containsPattern("embargo_cases\\{state=\"accepted\"} [1-9]");
                        });
    }

    @Test
    void coordinatorsExtendWithTheReportersAgreementOrExpediteAndTheReporterSeesTheNewDates() {
        SubmittedReport partnerReport =
                stack.reporter()
                        .submit(
                                "oxpulse-partner-edge",
                                "TURN credential reuse",
                                "extension-" + UUID.randomUUID() + "@example.org");
        String partnerCase =
                await().atMost(Duration.ofSeconds(20))
                        .until(
                                () ->
                                        given().auth()
                                                .oauth2(triager)
                                                .queryParam("size", 500)
                                                .when()
                                                .get(cases())
                                                .then()
                                                .statusCode(200)
                                                .extract()
                                                .jsonPath()
                                                .getString(
                                                        "find { it.trackingId == '%s' }.id"
                                                                .formatted(
                                                                        partnerReport
                                                                                .trackingId())),
                                id -> id != null);
        String coordinator = stack.staffTokens().of("coordinator");
        String disclosure = "deadlines.find { it.step == 'disclosure' }.dueAt";
        java.time.Instant promised =
                java.time.Instant.parse(
                        given().auth()
                                .oauth2(triager)
                                .when()
                                .get(cases() + "/" + partnerCase)
                                .then()
                                .extract()
                                .path(disclosure));

        Map<String, Object> extension =
                new java.util.HashMap<>(
                        Map.of(
                                "step",
                                "disclosure",
                                "by",
                                "30d",
                                "reason",
                                "Fix needs a protocol change across partner nodes",
                                "reporterAgreed",
                                false));
        given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(extension)
                .when()
                .post(cases() + "/" + partnerCase + "/extensions")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(triager)
                .contentType(ContentType.JSON)
                .body(extension)
                .when()
                .post(cases() + "/" + partnerCase + "/extensions")
                .then()
                .statusCode(403);
        extension.put("reporterAgreed", true);
        String extended =
                given().auth()
                        .oauth2(coordinator)
                        .contentType(ContentType.JSON)
                        .body(extension)
                        .when()
                        .post(cases() + "/" + partnerCase + "/extensions")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path(disclosure);
        assertThat(java.time.Instant.parse(extended))
                .isEqualTo(promised.plus(java.time.Duration.ofDays(30)));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                stack.reporter()
                                        .status(
                                                partnerReport.trackingId(),
                                                partnerReport.reporterToken())
                                        .then()
                                        .statusCode(200)
                                        .body(disclosure, equalTo(extended)));

        // Actively exploited: seed 001's "days, not weeks" — disclosure 7 days after arrival, then
        // the agreed 30 days.
        given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Exploited against partner nodes"))
                .when()
                .post(cases() + "/" + partnerCase + "/expedite")
                .then()
                .statusCode(200)
                .body("expedited", equalTo(true))
                .body(
                        disclosure,
                        equalTo(promised.minus(java.time.Duration.ofDays(90 - 7 - 30)).toString()));
    }

    private io.restassured.response.Response move(String to, String reason) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("to", to);
        if (reason != null) {
            body.put("reason", reason);
        }
        return given().auth()
                .oauth2(triager)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(cases() + "/" + caseId + "/transitions");
    }

    private String cases() {
        return stack.serviceUrl("triage") + "/api/v1/cases";
    }
}
