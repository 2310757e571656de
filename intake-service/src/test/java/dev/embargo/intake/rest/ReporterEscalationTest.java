package dev.embargo.intake.rest;

import static dev.embargo.intake.IntakeTestInfrastructure.triage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.embargo.contracts.report.DeadlineBreached;
import dev.embargo.intake.support.IntakeDatabase;
import dev.embargo.intake.support.Programs;
import dev.embargo.intake.support.Researcher;
import dev.embargo.intake.support.Researcher.Receipt;
import dev.embargo.kit.crypto.FieldCipher;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reporter escalates a late promised step (late by intake's clock or by triage's word), or one
 * not yet met once the program left them unanswered past its escalation threshold: once per step
 * per period, refused when nothing may be escalated, the message sealed at rest and on the outbox.
 */
@QuarkusTest
class ReporterEscalationTest {

    private final Researcher researcher = Researcher.fresh();

    /** A program whose policy lets the reporter escalate after 3 business days unanswered. */
    private static final String ESCALATES_AFTER_3BD = "escalates-after-3bd";

    @Inject IntakeDatabase database;

    @Inject FieldCipher cipher;

    @BeforeEach
    void seedPrograms() {
        Programs.publishSeeds();
        Programs.publishAndAwait(Programs.copyOfPea2peaEscalatingAfter(ESCALATES_AFTER_3BD, "3bd"));
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
    void aStepTriageSaidWasMissedIsLateThoughIntakesClockHasNotReachedItsDueTime() {
        Instant due = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Receipt receipt = triaging(due);
        escalate(receipt, "triage", "too early").then().statusCode(409);

        triage().publish(
                        new DeadlineBreached(
                                reportIdOf(receipt),
                                UUID.randomUUID().toString(),
                                receipt.trackingId(),
                                "emek",
                                "triage",
                                due,
                                "triaging",
                                null,
                                due.plusSeconds(60)));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                researcher
                                        .status(receipt.trackingId(), receipt.token())
                                        .then()
                                        .body(
                                                "deadlines.find { it.step == 'triage' }.state",
                                                equalTo("late"))
                                        .body(
                                                "deadlines.find { it.step == 'triage' }.escalable",
                                                equalTo(true)));
        escalate(receipt, "triage", "triage says it is late").then().statusCode(201);
    }

    @Test
    void aStepNotYetDueMayBeEscalatedOnceTheProgramLeftTheReporterUnansweredPastItsThreshold() {
        Receipt receipt =
                triaging(
                        ESCALATES_AFTER_3BD,
                        Instant.now().minus(10, ChronoUnit.DAYS),
                        Instant.now().plus(20, ChronoUnit.DAYS));

        researcher
                .status(receipt.trackingId(), receipt.token())
                .then()
                .body("deadlines.find { it.step == 'triage' }.state", equalTo("pending"))
                .body("deadlines.find { it.step == 'triage' }.escalable", equalTo(true))
                .body("deadlines.find { it.step == 'acknowledgement' }.escalable", equalTo(false));
        escalate(receipt, "acknowledgement", "met already").then().statusCode(409);
        escalate(receipt, "triage", "ten days without a word").then().statusCode(201);
    }

    @Test
    void theTeamsLastMessageRestartsTheEscalationThreshold() {
        Receipt receipt =
                triaging(
                        ESCALATES_AFTER_3BD,
                        Instant.now().minus(10, ChronoUnit.DAYS),
                        Instant.now().plus(20, ChronoUnit.DAYS));
        database.execute(
                "INSERT INTO report_message (id, report_id, author, sealed_body, posted_at)"
                        + " SELECT gen_random_uuid(), id, 'security team', '"
                        + cipher.seal("We are on it.")
                        + "', now() - interval '1 day' FROM report WHERE tracking_id = '"
                        + receipt.trackingId()
                        + "'");

        escalate(receipt, "triage", "hurry")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("may be escalated from"));
        researcher
                .status(receipt.trackingId(), receipt.token())
                .then()
                .body("deadlines.find { it.step == 'triage' }.escalable", equalTo(false));
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

    /** An emek report triage acknowledged and is triaging, its triage step due at {@code due}. */
    private Receipt triaging(Instant due) {
        return triaging("emek", due.minus(10, ChronoUnit.DAYS), due);
    }

    /**
     * A report that arrived and was acknowledged at {@code arrival} and is being triaged, with its
     * triage step due at {@code due}.
     */
    private Receipt triaging(String program, Instant arrival, Instant due) {
        Receipt receipt = researcher.submitted(Researcher.report(program));
        database.execute(
                "UPDATE report SET status = 'TRIAGING', submitted_at = '"
                        + arrival
                        + "', acknowledged_at = '"
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

    private String reportIdOf(Receipt receipt) {
        return (String)
                database.row(
                                "SELECT id::text AS id FROM report WHERE tracking_id = ?",
                                receipt.trackingId())
                        .get("id");
    }

    private long escalations(Receipt receipt) {
        return database.count(
                "SELECT count(*) FROM escalation e JOIN report r ON r.id = e.report_id"
                        + " WHERE r.tracking_id = ?",
                receipt.trackingId());
    }
}
