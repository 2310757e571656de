package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.RunningStack;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One client asking too much of the reporter endpoints is told to wait; others are not held up. */
@ExtendWith(EmbargoStack.class)
class RateLimitIT {

    @Test
    void aClientOverItsMinutesAllowanceGets429WithRetryAfterAndOthersGoOn(RunningStack stack) {
        String intake = stack.serviceUrl("intake");
        String greedy = "198.19." + ThreadLocalRandom.current().nextInt(256) + ".7";
        List<Integer> statuses = new ArrayList<>();
        Response limited = null;
        // The test stack allows 60 requests a minute per client.
        for (int i = 0; i < 70 && limited == null; i++) {
            Response response =
                    given().baseUri(intake)
                            .header("X-Forwarded-For", greedy)
                            .when()
                            .get("/api/v1/reports/EMB-2026-99999");
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                limited = response;
            }
        }
        assertThat(statuses).hasSizeGreaterThanOrEqualTo(60).startsWith(404, 404);
        assertThat(limited).as("a 429 within 70 requests").isNotNull();
        limited.then().contentType("application/problem+json").body("status", equalTo(429));
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);

        // Someone else is not held up, and the public program pages are not limited at all.
        given().baseUri(intake)
                .header("X-Forwarded-For", "198.19.200.200")
                .when()
                .get("/api/v1/reports/EMB-2026-99999")
                .then()
                .statusCode(404);
        given().baseUri(intake)
                .header("X-Forwarded-For", greedy)
                .when()
                .get("/api/v1/programs")
                .then()
                .statusCode(200);
    }
}
