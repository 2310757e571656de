package dev.embargo.e2e.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.embargo.e2e.support.Reporter.SubmittedReport;
import java.time.Duration;

/** Triage's cases as the tests find them. */
public final class Cases {

    private Cases() {}

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
}
