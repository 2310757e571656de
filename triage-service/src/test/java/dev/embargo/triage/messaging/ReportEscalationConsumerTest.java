package dev.embargo.triage.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.embargo.contracts.report.ReportEscalated;
import dev.embargo.contracts.report.ReportSubmitted;
import dev.embargo.triage.IntakeEvents;
import dev.embargo.triage.TriageDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The reporter's escalation of a late step is recorded on the case once, audited, and flags the
 * case in the queue while the step is open.
 */
@QuarkusTest
@TestSecurity(user = "tess", roles = "triager")
class ReportEscalationConsumerTest {

    @Inject IntakeEvents intake;

    @Inject TriageDatabase database;

    @Test
    void anEscalationIsRecordedOnceAuditedAndFlagsTheCaseInTheQueue() {
        ReportSubmitted report =
                intake.report("moqtail", "Selector escalation", "Nobody answers the report.");
        intake.publish(report, UUID.randomUUID().toString());
        String caseId = database.awaitCaseOf(report.reportId());
        ReportSubmitted calm = intake.report("moqtail", "Selector calm", "No escalation here.");
        intake.publish(calm, UUID.randomUUID().toString());
        String calmCaseId = database.awaitCaseOf(calm.reportId());
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ReportEscalated escalated =
                new ReportEscalated(
                        report.reportId(),
                        report.trackingId(),
                        "moqtail",
                        UUID.randomUUID().toString(),
                        "triage",
                        receivedAt.minus(1, ChronoUnit.DAYS),
                        intake.seal("Three weeks without an answer."),
                        receivedAt);
        String eventId = UUID.randomUUID().toString();
        intake.publish(escalated, eventId);
        // Delivered again, and published again under another event id: still one escalation.
        intake.publish(escalated, eventId);
        intake.publish(escalated, UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().when()
                                        .get("/api/v1/cases/" + caseId)
                                        .then()
                                        .statusCode(200)
                                        .body("escalations.step", equalTo(List.of("triage")))
                                        .body("escalated", equalTo(true)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> database.processed("triage.cases", eventId));
        given().when()
                .get("/api/v1/cases/" + caseId)
                .then()
                .body("escalations.size()", equalTo(1))
                .body("escalations[0].receivedAt", equalTo(receivedAt.toString()));
        given().when()
                .get("/api/v1/cases/" + caseId + "/audit")
                .then()
                .body("action", hasItem("escalation of the late step triage"));
        assertThat(
                        given().queryParam("escalated", true)
                                .queryParam("program", "moqtail")
                                .queryParam("size", 500)
                                .when()
                                .get("/api/v1/cases")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<String>jsonPath()
                                .getList("id", String.class))
                .contains(caseId)
                .doesNotContain(calmCaseId);
        given().when()
                .get("/api/v1/cases/" + calmCaseId)
                .then()
                .body("escalated", equalTo(false))
                .body("escalations.step", not(hasItem("triage")));
    }
}
