package dev.embargo.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import dev.embargo.intake.config.IntakeConfig;
import dev.embargo.intake.service.Admission;
import dev.embargo.intake.support.Programs;
import dev.embargo.intake.support.Researcher;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * New reports are admitted as fast as triage reads them. The tests give {@link Admission} triage's
 * backlog themselves (the module's tests do not measure it), around the configured bounds; ten
 * reports a minute per network while busy.
 */
@QuarkusTest
class AdmissionTest {

    private static final int BUSY_PER_NETWORK_PER_MINUTE = 10;
    private static final AtomicInteger NEXT_NETWORK = new AtomicInteger(1);

    @Inject Admission admission;

    /** The bounds this stack runs with (the test stack's, smaller than intake's defaults). */
    @Inject IntakeConfig config;

    private long busy;
    private long full;

    @TestHTTPResource(value = "health/ready", management = true)
    URI readiness;

    @BeforeEach
    void seedPrograms() {
        busy = config.admission().busyBacklog();
        full = config.admission().maxBacklog();
        Programs.publishSeeds();
    }

    /** The next test class floods intake from one network: it must not inherit a measurement. */
    @AfterEach
    void noMeasurementLeftBehind() {
        admission.forgetMeasurement();
    }

    @Test
    void belowTheBusyBacklogANetworkMaySubmitBeyondItsBusyAllowance() {
        String network = freshNetwork();
        admission.backlogMeasured(busy - 3 * BUSY_PER_NETWORK_PER_MINUTE);

        for (int host = 1; host <= 2 * BUSY_PER_NETWORK_PER_MINUTE; host++) {
            submitFrom(network + host).then().statusCode(201);
        }
    }

    @Test
    void whileTriageIsBehindTheNetworksFloodingAreRefusedAndAnotherIsStillAdmitted() {
        String flooding = freshNetwork();
        // A flood from many addresses of one network, each under the per-client rate limit.
        admission.backlogMeasured(0);
        for (int host = 1; host <= BUSY_PER_NETWORK_PER_MINUTE; host++) {
            submitFrom(flooding + host).then().statusCode(201);
        }

        admission.backlogMeasured(busy);

        submitFrom(flooding + 100)
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("https://embargo.dev/problems/network-over-fair-share"));
        submitFrom(freshNetwork() + 1).then().statusCode(201);
        // Only new reports wait: the flooding network still reads its reports' status.
        Researcher.at(flooding + 100)
                .request()
                .when()
                .get("/api/v1/reports/limits")
                .then()
                .statusCode(200);
    }

    @Test
    void reportsAdmittedSinceTheLastMeasurementCountTowardsTheBacklog() {
        admission.backlogMeasured(busy - 2);
        String flooding = freshNetwork();
        for (int host = 1; host <= BUSY_PER_NETWORK_PER_MINUTE; host++) {
            submitFrom(flooding + host).then().statusCode(201);
        }

        assertThat(admission.backlog()).isEqualTo(busy - 2 + BUSY_PER_NETWORK_PER_MINUTE);
        submitFrom(flooding + 100).then().statusCode(429);
    }

    @Test
    void pastTheMaximumBacklogEveryReportIsRefusedWith503AndIntakeStaysReady() {
        admission.backlogMeasured(full);

        Response refused = submitFrom(freshNetwork() + 1);

        refused.then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://embargo.dev/problems/backlog-full"));
        assertThat(Long.parseLong(refused.header("Retry-After")))
                .isEqualTo(config.admission().retryAfter().toSeconds());
        given().when().get(readiness).then().statusCode(200);

        admission.backlogMeasured(full - 1);
        submitFrom(freshNetwork() + 1).then().statusCode(201);
    }

    /** The first three parts of an IPv4 /24 of the test range no other test uses, with the dot. */
    private static String freshNetwork() {
        return "203.0." + NEXT_NETWORK.getAndIncrement() + ".";
    }

    private static Response submitFrom(String address) {
        return Researcher.at(address).submit(Researcher.report("pea2pea"));
    }
}
