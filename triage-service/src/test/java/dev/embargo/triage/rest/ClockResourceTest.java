package dev.embargo.triage.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The test stack's adjustable clock: an admin runs it ahead, never back, by an ISO-8601 duration.
 */
@QuarkusTest
@TestSecurity(user = "ada", roles = "admin")
class ClockResourceTest {

    @Test
    void anAdminReadsTriagesTimeInStepWithTheSystemClock() {
        given().when().get("/api/v1/clock").then().statusCode(200).body("offset", equalTo("PT0S"));
    }

    @Test
    void theClockDoesNotRunBehindTheSystemClock() {
        setOffset("-PT1H")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("offset"))
                .body("errors[0].message", containsString("only runs ahead"));
        given().when().get("/api/v1/clock").then().body("offset", equalTo("PT0S"));
    }

    @Test
    void anOffsetThatIsNotADurationIsABadRequest() {
        setOffset("ten days")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].message", containsString("ISO-8601"));
        setOffset(" ").then().statusCode(400).contentType("application/problem+json");
    }

    private static io.restassured.response.Response setOffset(String offset) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("offset", offset))
                .when()
                .put("/api/v1/clock");
    }
}
