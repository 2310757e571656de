package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.RunningStack;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a reporter may claim when reporting — the program's scope class, a CVSS vector, how to be
 * credited — reaches the case for staff to judge (report.submitted.v3); claims the program cannot
 * have are refused at the door.
 */
@ExtendWith(EmbargoStack.class)
class ReporterClaimsIT {

    private static final String VECTOR = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H";

    @Test
    void theReportersScopeClassVectorAndCreditPreferenceReachTheCase(RunningStack stack) {
        String trackingId =
                stack.reporter()
                        .post(
                                report(
                                        Map.of(
                                                "scopeClass",
                                                "denial-of-service",
                                                "cvssVector",
                                                VECTOR,
                                                "creditPreference",
                                                "handle",
                                                "creditName",
                                                "@ada")))
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("trackingId");
        String triager = stack.staffTokens().of("triager");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                given().auth()
                                        .oauth2(triager)
                                        .queryParams(Map.of("program", "moqtail", "size", 500))
                                        .when()
                                        .get(stack.serviceUrl("triage") + "/api/v1/cases")
                                        .then()
                                        .statusCode(200)
                                        .body(
                                                "find { it.trackingId == '%s' }.reportedScopeClass"
                                                        .formatted(trackingId),
                                                equalTo("denial-of-service"))
                                        .body(
                                                "find { it.trackingId == '%s' }.reportedCvssVector"
                                                        .formatted(trackingId),
                                                equalTo(VECTOR))
                                        .body(
                                                "find { it.trackingId == '%s' }.creditPreference"
                                                        .formatted(trackingId),
                                                equalTo("handle"))
                                        .body(
                                                "find { it.trackingId == '%s' }.creditName"
                                                        .formatted(trackingId),
                                                equalTo("@ada"))
                                        // A claim, not a decision: staff still decide the scope.
                                        .body(
                                                "find { it.trackingId == '%s' }.scopeClass"
                                                        .formatted(trackingId),
                                                equalTo(null)));
    }

    private static Map<String, Object> report(Map<String, Object> claims) {
        Map<String, Object> body =
                new HashMap<>(
                        Map.of(
                                "program",
                                "moqtail",
                                "title",
                                "Claims " + UUID.randomUUID(),
                                "description",
                                "Nested wildcards hang the broker."));
        body.putAll(claims);
        return body;
    }
}
