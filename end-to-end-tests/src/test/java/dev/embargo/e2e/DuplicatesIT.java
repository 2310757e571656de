package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A report marked duplicate on the whole platform: every reporter kept for credit and the marking
 * on Kafka. Suggestions by text and refused markings are triage-service's tests.
 */
@ExtendWith(EmbargoStack.class)
class DuplicatesIT {

    private static final String MARKER =
            "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    private RunningStack stack;
    private String triager;

    @BeforeEach
    void staff(RunningStack runningStack) {
        stack = runningStack;
        triager = stack.staffTokens().of("triager");
    }

    @Test
    void aDuplicatePointsAtTheFirstReportAndEveryReporterIsKeptForCredit() {
        String original =
                caseOf(
                        submit(
                                "Heap overflow in frame decoder " + MARKER,
                                "Oversized length prefix overflows.",
                                "Ada"));
        String second =
                caseOf(
                        submit(
                                "Frame decoder heap overflow " + MARKER,
                                "Length prefix overflow in decoder.",
                                "Grace"));
        String third =
                caseOf(
                        submit(
                                "Decoder overflow again " + MARKER,
                                "Same overflow, found by fuzzing.",
                                null));
        String originalTracking =
                given().auth()
                        .oauth2(triager)
                        .when()
                        .get(cases() + "/" + original)
                        .then()
                        .extract()
                        .path("trackingId");

        move(second, "triaging", null).then().statusCode(200);
        move(second, "duplicate", originalTracking)
                .then()
                .statusCode(200)
                .body("state", equalTo("duplicate"))
                .body("duplicateOf", equalTo(original));
        // A duplicate of a duplicate counts for the vulnerability's first report.
        move(third, "duplicate", second)
                .then()
                .statusCode(200)
                .body("duplicateOf", equalTo(original));

        given().auth()
                .oauth2(triager)
                .when()
                .get(cases() + "/" + original + "/reporters")
                .then()
                .statusCode(200)
                .body("caseId", contains(original, second, third))
                .body("creditName", contains("Ada", "Grace", null))
                .body("duplicate", contains(false, true, true));
        given().auth()
                .oauth2(triager)
                .when()
                .get(cases() + "/" + second + "/audit")
                .then()
                .statusCode(200)
                .body(
                        "action",
                        hasItem("state triaging -> duplicate (of " + originalTracking + ")"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertThat(
                                                stack.lifecycleEvents().readAll().stream()
                                                        .filter(
                                                                event ->
                                                                        "case.duplicate.marked.v2"
                                                                                .equals(
                                                                                        event
                                                                                                .type()))
                                                        .filter(
                                                                event ->
                                                                        event.data()
                                                                                        .contains(
                                                                                                second)
                                                                                || event.data()
                                                                                        .contains(
                                                                                                third)))
                                        .hasSize(2));
    }

    private SubmittedReport submit(String title, String description, String credit) {
        return stack.reporter()
                .submit(
                        "moqtail",
                        title,
                        description,
                        "dup-" + UUID.randomUUID() + "@example.org",
                        credit);
    }

    private String caseOf(SubmittedReport report) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                given().auth()
                                        .oauth2(triager)
                                        .queryParams(Map.of("program", "moqtail", "size", 500))
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

    private io.restassured.response.Response move(String caseId, String to, String duplicateOf) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("to", to));
        if (duplicateOf != null) {
            body.put("duplicateOf", duplicateOf);
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
