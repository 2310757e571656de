package dev.embargo.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import dev.embargo.intake.support.Researcher;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * The reporter endpoints answer a client over its rate with 429, Retry-After and a problem; other
 * paths are not limited.
 */
@QuarkusTest
class RateLimitFilterTest {

    /** intake's default EMBARGO_RATE_LIMIT_PER_CLIENT_PER_MINUTE, which the tests keep. */
    private static final int PER_CLIENT_PER_MINUTE = 60;

    @Test
    void aClientOverItsMinutesAllowanceIsToldToWaitWithAProblem() {
        Researcher client = Researcher.fresh();
        int allowed = 0;
        Response answer = client.request().when().get("/api/v1/reports/limits");
        // One more request a second refills the allowance: on a slow machine a few more may pass.
        while (answer.statusCode() == 200 && allowed < 3 * PER_CLIENT_PER_MINUTE) {
            allowed++;
            answer = client.request().when().get("/api/v1/reports/limits");
        }

        assertThat(allowed).isGreaterThanOrEqualTo(PER_CLIENT_PER_MINUTE);
        answer.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("https://embargo.dev/problems/rate-limited"))
                .body("status", equalTo(429));
        // Another researcher, and this one on the program pages, are not held back.
        Researcher.fresh().request().when().get("/api/v1/reports/limits").then().statusCode(200);
        client.request().when().get("/api/v1/programs").then().statusCode(200);
    }
}
