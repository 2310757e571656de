package dev.embargo.e2e.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.embargo.e2e.support.Reporter.SubmittedReport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Triage's cases as the tests find them. */
public final class Cases {

    private Cases() {}

    /** A submitted report and the case triage opened for it. */
    public record OpenedCase(SubmittedReport report, String id) {}

    /**
     * Submits a report to {@code program}, from a reporter address of its own, and returns once
     * triage has opened its case.
     */
    public static OpenedCase opened(RunningStack stack, String program, String title) {
        SubmittedReport report =
                stack.reporter()
                        .submit(program, title, "reporter-" + UUID.randomUUID() + "@example.org");
        return new OpenedCase(report, idOf(stack, report));
    }

    /**
     * Asks triage, as a triager, to move the case; {@code transition} names the state ({@code to})
     * and what the step needs (a reason, a question).
     */
    public static Response transition(
            RunningStack stack, String caseId, Map<String, ?> transition) {
        return given().auth()
                .oauth2(stack.staffTokens().of("triager"))
                .contentType(ContentType.JSON)
                .body(transition)
                .when()
                .post(stack.serviceUrl("triage") + "/api/v1/cases/" + caseId + "/transitions");
    }

    /**
     * The id of the case triage opened for the report, once it has (the queue, newest first, as a
     * triager reads it).
     */
    public static String idOf(RunningStack stack, SubmittedReport report) {
        return idOf(stack, report.trackingId());
    }

    /** The id of the case of the report with this tracking id, once triage has opened it. */
    public static String idOf(RunningStack stack, String trackingId) {
        String triager = stack.staffTokens().of("triager");
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                given().auth()
                                        .oauth2(triager)
                                        .queryParam("size", 500)
                                        .when()
                                        .get(stack.serviceUrl("triage") + "/api/v1/cases")
                                        .then()
                                        .statusCode(200)
                                        .extract()
                                        .jsonPath()
                                        .getString(
                                                "find { it.trackingId == '%s' }.id"
                                                        .formatted(trackingId)),
                        id -> id != null);
    }

    /**
     * The tracking ids of the cases triage has opened for these reports, once per case (a report
     * with two cases shows twice). Newest first and only the program's, so that other tests' cases
     * (FuzzIT's thousands) stay out of the page of 500.
     */
    public static List<String> openedFor(
            RunningStack stack, String token, String program, Set<String> trackingIds) {
        return given()
                .auth()
                .oauth2(token)
                .queryParam("program", program)
                .queryParam("size", 500)
                .when()
                .get(stack.serviceUrl("triage") + "/api/v1/cases")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("trackingId", String.class)
                .stream()
                .filter(trackingIds::contains)
                .toList();
    }
}
