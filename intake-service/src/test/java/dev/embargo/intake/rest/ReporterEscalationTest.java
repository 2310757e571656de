package dev.embargo.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.embargo.intake.support.IntakeDatabase;
import dev.embargo.intake.support.Programs;
import dev.embargo.intake.support.Researcher;
import dev.embargo.intake.support.Researcher.Receipt;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reporter escalates a late promised step: once per step per period, refused when nothing is
 * late, the message sealed at rest and on the outbox.
 */
@QuarkusTest
class ReporterEscalationTest {

    private final Researcher researcher = Researcher.fresh();

    @Inject IntakeDatabase database;

    @BeforeEach
    void seedPrograms() {
        Programs.publishSeeds();
    }

    @Test
    void aLateStepIsEscalatedOnceSealedAnnouncedAndShownOnTheStatus() {
        Receipt receipt = triaging(Instant.now().minus(2, ChronoUnit.DAYS));

        escalate(receipt, "triage", "walrus: nobody answered")
                .then()
                .statusCode(201)
                .body("step", equalTo("triage"))
                .body("receivedAt", notNullValue());

        researcher
                .status(receipt.trackingId(), receipt.token())
                .then()
                .statusCode(200)
                .body("deadlines.find { it.step == 'triage' }.state", equalTo("late"))
                .body("deadlines.find { it.step == 'acknowledgement' }.state", equalTo("met"))
                .body("deadlines.find { it.step == 'fix' }.state", equalTo("pending"))
                .body("escalations.step", equalTo(List.of("triage")))
                .body("escalations[0].receivedAt", notNullValue());
        Map<String, Object> stored =
                database.row(
                        "SELECT e.id::text AS id, e.sealed_message FROM escalation e"
                                + " JOIN report r ON r.id = e.report_id WHERE r.tracking_id = ?",
                        receipt.trackingId());
        assertThat((String) stored.get("sealed_message"))
                .startsWith("enc:v1:")
                .doesNotContain("walrus");
        assertThat(
                        database.count(
                                "SELECT count(*) FROM outbox_event WHERE event_type ="
                                        + " 'report.escalated.v1' AND payload LIKE ?"
                                        + " AND payload NOT LIKE '%walrus%'",
                                "%" + stored.get("id") + "%"))
                .isEqualTo(1);
    }

    @Test
    void aSecondEscalationOfTheStepWithinThePeriodIsRefusedSayingWhenTheNextIsPossible() {
        Receipt receipt = triaging(Instant.now().minus(2, ChronoUnit.DAYS));
        escalate(receipt, "triage", "first").then().statusCode(201);

        escalate(receipt, "triage", "second")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("next escalation is possible from"));
        assertThat(escalations(receipt)).isEqualTo(1);
    }

    @Test
    void nothingLateIsRefused() {
        Receipt receipt = triaging(Instant.now().plus(2, ChronoUnit.DAYS));

        escalate(receipt, "triage", "hurry")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("No promised step is late"));
        researcher
                .status(receipt.trackingId(), receipt.token())
                .then()
                .body("deadlines.find { it.step == 'triage' }.state", equalTo("pending"));
        assertThat(escalations(receipt)).isZero();
    }

    @Test
    void aStepTheTeamMetIsNotLateThoughItsTimePassed() {
        Receipt receipt = triaging(Instant.now().minus(2, ChronoUnit.DAYS));
        database.execute(
                "UPDATE report SET status = 'ACCEPTED' WHERE tracking_id = '"
                        + receipt.trackingId()
                        + "'");

        escalate(receipt, "triage", "hurry").then().statusCode(409);
        researcher
                .status(receipt.trackingId(), receipt.token())
                .then()
                .body("deadlines.find { it.step == 'triage' }.state", equalTo("met"));
    }

    @Test
    void aBadStepOrMessageIsRefusedAndAWrongTokenFindsNothing() {
        Receipt receipt = triaging(Instant.now().minus(2, ChronoUnit.DAYS));

        escalate(receipt, "lunch", "hurry").then().statusCode(400);
        escalate(receipt, "triage", " ").then().statusCode(400);
        escalate(receipt, "triage", "x".repeat(EscalationRequest.MAX_MESSAGE + 1))
                .then()
                .statusCode(400);
        researcher
                .withToken("not-the-token")
                .contentType("application/json")
                .body(Map.of("step", "triage", "message", "hurry"))
                .when()
                .post("/api/v1/reports/{id}/escalations", receipt.trackingId())
                .then()
                .statusCode(404);
        assertThat(escalations(receipt)).isZero();
    }

    /** A report triage acknowledged and is triaging, with its triage step due at {@code due}. */
    private Receipt triaging(Instant due) {
        Receipt receipt = researcher.submitted(Researcher.report("emek"));
        Instant arrival = due.minus(10, ChronoUnit.DAYS);
        database.execute(
                "UPDATE report SET status = 'TRIAGING', acknowledged_at = '"
                        + arrival
                        + "', deadlines = '[{\"step\":\"acknowledgement\",\"dueAt\":\""
                        + arrival
                        + "\",\"promised\":\"1bd\"},{\"step\":\"triage\",\"dueAt\":\""
                        + due
                        + "\",\"promised\":\"10bd\"},{\"step\":\"fix\",\"dueAt\":\""
                        + due.plus(80, ChronoUnit.DAYS)
                        + "\",\"promised\":\"90d\"}]' WHERE tracking_id = '"
                        + receipt.trackingId()
                        + "'");
        return receipt;
    }

    private Response escalate(Receipt receipt, String step, String message) {
        return researcher
                .withToken(receipt.token())
                .contentType("application/json")
                .body(Map.of("step", step, "message", message))
                .when()
                .post("/api/v1/reports/{id}/escalations", receipt.trackingId());
    }

    private long escalations(Receipt receipt) {
        return database.count(
                "SELECT count(*) FROM escalation e JOIN report r ON r.id = e.report_id"
                        + " WHERE r.tracking_id = ?",
                receipt.trackingId());
    }
}
