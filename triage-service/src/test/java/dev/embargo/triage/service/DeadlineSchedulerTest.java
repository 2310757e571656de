package dev.embargo.triage.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.embargo.triage.IntakeEvents;
import dev.embargo.triage.TriageDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduler (scanning every second in tests) announces a promise approaching, then breached,
 * each once, by triage's adjustable clock; a promise kept in time is never called out.
 */
@QuarkusTest
@TestSecurity(user = "ada", roles = "admin")
class DeadlineSchedulerTest {

    private static final Duration SEVERAL_SCANS = Duration.ofSeconds(4);

    @Inject IntakeEvents intake;

    @Inject TriageDatabase database;

    private String caseId;
    private Instant triageDue;

    @BeforeEach
    void aCaseWhoseTriageIsDueInSevenDays() {
        caseId = intake.openCase();
        triageDue = Instant.parse(deadlines().extract().path("find { it.step == 'triage' }.dueAt"));
    }

    @AfterEach
    void clockBackInStep() {
        runClockAheadBy(Duration.ZERO);
    }

    @Test
    void aDeadlineIsAnnouncedApproachingThenBreachedEachOnce() {
        runClockAheadBy(untilTriageDue().minusHours(1));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                deadlines()
                                        .body(
                                                "find { it.step == 'triage' }.standing",
                                                equalTo("warned")));
        await().during(SEVERAL_SCANS)
                .atMost(SEVERAL_SCANS.plusSeconds(5))
                .untilAsserted(
                        () -> {
                            assertThat(announced("deadline.approaching.v2")).isEqualTo(1);
                            assertThat(announced("deadline.breached.v2")).isZero();
                        });

        runClockAheadBy(untilTriageDue().plusHours(1));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                deadlines()
                                        .body(
                                                "find { it.step == 'triage' }.standing",
                                                equalTo("breached")));
        await().during(SEVERAL_SCANS)
                .atMost(SEVERAL_SCANS.plusSeconds(5))
                .untilAsserted(
                        () -> {
                            assertThat(announced("deadline.approaching.v2")).isEqualTo(1);
                            assertThat(announced("deadline.breached.v2")).isEqualTo(1);
                        });
        given().queryParams(Map.of("overdue", true, "size", 500))
                .when()
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("find { it.id == '%s' }.overdue".formatted(caseId), equalTo(true));
    }

    @Test
    void aTriageDecidedInTimeIsSettledAndNeverCalledOut() {
        given().contentType(ContentType.JSON)
                .body(Map.of("to", "triaging"))
                .when()
                .post("/api/v1/cases/" + caseId + "/transitions")
                .then()
                .statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Map.of("to", "accepted"))
                .when()
                .post("/api/v1/cases/" + caseId + "/transitions")
                .then()
                .statusCode(200);
        deadlines().body("find { it.step == 'triage' }.standing", equalTo("settled"));

        runClockAheadBy(untilTriageDue().plusHours(1));
        await().during(SEVERAL_SCANS)
                .atMost(SEVERAL_SCANS.plusSeconds(5))
                .untilAsserted(
                        () -> {
                            assertThat(announced("deadline.approaching.v2")).isZero();
                            assertThat(announced("deadline.breached.v2")).isZero();
                        });
    }

    private Duration untilTriageDue() {
        return Duration.between(Instant.now(), triageDue).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Events of the type staged for this case's triage deadline. */
    private long announced(String eventType) {
        return database.outboxPayloads(eventType, caseId).stream()
                .filter(payload -> payload.contains("\"triage\""))
                .count();
    }

    private io.restassured.response.ValidatableResponse deadlines() {
        return given().when().get("/api/v1/cases/" + caseId + "/deadlines").then().statusCode(200);
    }

    private static void runClockAheadBy(Duration offset) {
        given().contentType(ContentType.JSON)
                .body(Map.of("offset", offset.toString()))
                .when()
                .put("/api/v1/clock")
                .then()
                .statusCode(200)
                .body("offset", equalTo(offset.toString()));
    }
}
