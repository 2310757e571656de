package dev.embargo.e2e.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Runs triage's clock ahead on the test stack (PUT /api/v1/clock, admin), so that deadlines fall
 * due now.
 */
public final class TriageClockControl {

    private final String triageUrl;
    private final String adminToken;

    TriageClockControl(String triageUrl, String adminToken) {
        this.triageUrl = triageUrl;
        this.adminToken = adminToken;
    }

    /** Moves triage's clock to {@code moment} (which must lie ahead of the system clock). */
    public void moveTo(Instant moment) {
        runAhead(Duration.between(Instant.now(), moment));
    }

    public void runAhead(Duration offset) {
        given().baseUri(triageUrl)
                .auth()
                .oauth2(adminToken)
                .contentType(ContentType.JSON)
                .body(Map.of("offset", offset.toString()))
                .when()
                .put("/api/v1/clock")
                .then()
                .statusCode(200);
    }

    /** Back in step with the system clock. */
    public void reset() {
        runAhead(Duration.ZERO);
    }
}
