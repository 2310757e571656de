package dev.embargo.triage.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.embargo.contracts.CloudEventAttributes;
import dev.embargo.contracts.Topics;
import dev.embargo.contracts.report.ReportMessagePosted;
import dev.embargo.contracts.report.ReportSubmitted;
import dev.embargo.contracts.report.ReportSubmittedV2;
import dev.embargo.localstack.ServiceTestEvents;
import dev.embargo.triage.IntakeEvents;
import dev.embargo.triage.TriageDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Triage opens a case for every report intake announces, once, whatever Kafka delivers twice. */
@QuarkusTest
@TestSecurity(user = "tess", roles = "triager")
class ReportLifecycleConsumerTest {

    @Inject IntakeEvents intake;

    @Inject TriageDatabase database;

    @Test
    void aSubmittedReportOpensAnAcknowledgedCaseUnderItsProgramsRevisionWithItsDeadlines() {
        ReportSubmitted report =
                intake.report(
                        "moqtail", "Regex backtracking in selector parser", "Minutes per match.");
        intake.publish(report, UUID.randomUUID().toString());
        String caseId = database.awaitCaseOf(report.reportId());

        given().when()
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("trackingId", equalTo(report.trackingId()))
                .body("program", equalTo("moqtail"))
                .body("programRevision", equalTo(1))
                .body("state", equalTo("acknowledged"))
                .body("title", equalTo("Regex backtracking in selector parser"));
        given().when()
                .get("/api/v1/cases/" + caseId + "/deadlines")
                .then()
                .statusCode(200)
                .body("step", hasItem("triage"))
                .body("find { it.step == 'triage' }.standing", equalTo("pending"));
        assertThat(database.outboxEvents("report.acknowledged.v2", report.reportId())).isEqualTo(1);
    }

    @Test
    void theCreditNameAndAffectedVersionStaySealedInTheCaseYetTheVersionIsJudgedAndStaffReadBoth() {
        ReportSubmitted blank =
                intake.report("moqtail", "Selector overflow", "A long selector overflows.");
        ReportSubmitted another =
                intake.report("moqtail", "Selector overflow", "A long selector overflows.");
        ReportSubmitted current =
                new ReportSubmitted(
                        blank.reportId(),
                        blank.trackingId(),
                        blank.programSlug(),
                        blank.programRevision(),
                        blank.sealedTitle(),
                        blank.sealedDescription(),
                        null,
                        intake.seal("Grace Zebracredit"),
                        intake.seal("v0.0.9"),
                        blank.submittedAt(),
                        null,
                        null,
                        "name");
        ReportSubmittedV2 fromAnOlderIntake =
                new ReportSubmittedV2(
                        another.reportId(),
                        another.trackingId(),
                        another.programSlug(),
                        another.programRevision(),
                        another.sealedTitle(),
                        another.sealedDescription(),
                        null,
                        "Grace Zebracredit",
                        "v0.1.2",
                        another.submittedAt(),
                        null,
                        null,
                        "name");
        intake.publish(current, UUID.randomUUID().toString());
        intake.publish(fromAnOlderIntake, UUID.randomUUID().toString());

        assertSealedAndJudged(database.awaitCaseOf(current.reportId()), "v0.0.9", "unsupported");
        assertSealedAndJudged(
                database.awaitCaseOf(fromAnOlderIntake.reportId()), "v0.1.2", "supported");
    }

    private void assertSealedAndJudged(String caseId, String version, String support) {
        assertThat(database.caseRow(caseId))
                .contains(caseId)
                .doesNotContain("Zebracredit", version);
        given().when()
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("creditName", equalTo("Grace Zebracredit"))
                .body("affectedVersion", equalTo(version))
                .body("versionSupport", equalTo(support));
    }

    @Test
    void theSameReportDeliveredTwiceOrAnnouncedTwiceOpensOneCaseAcknowledgedOnce() {
        ReportSubmitted report =
                intake.report(
                        "pea2pea", "Handshake downgrade", "The peer accepts a weaker cipher.");
        String eventId = UUID.randomUUID().toString();
        intake.publish(report, eventId);
        intake.publish(report, eventId);
        // The same report under a new event id, as a relay that lost its bookkeeping would send it.
        String reannounced = UUID.randomUUID().toString();
        intake.publish(report, reannounced);
        // One key, one partition, in order: once the last is processed, so are the two before it.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> database.processed("triage.cases", reannounced));

        assertThat(database.casesOf(report.reportId())).isEqualTo(1);
        assertThat(database.outboxEvents("report.acknowledged.v2", report.reportId())).isEqualTo(1);
    }

    @Test
    void whatTheReporterWritesJoinsTheCaseConversation() {
        ReportSubmitted report =
                intake.report("moqtail", "Selector sandbox escape", "A plugin runs code.");
        intake.publish(report, UUID.randomUUID().toString());
        String caseId = database.awaitCaseOf(report.reportId());
        ReportMessagePosted posted =
                new ReportMessagePosted(
                        report.reportId(),
                        report.trackingId(),
                        "moqtail",
                        UUID.randomUUID().toString(),
                        intake.seal("Here is a second PoC."),
                        Instant.now().truncatedTo(ChronoUnit.MILLIS));
        intake.publish(posted, UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().when()
                                        .get("/api/v1/cases/" + caseId + "/messages")
                                        .then()
                                        .statusCode(200)
                                        .body("text", hasItem("Here is a second PoC."))
                                        .body("[0].author", equalTo("reporter"))
                                        .body("[0].fromReporter", equalTo(true)));
    }

    @Test
    void anEventThatBreaksItsContractGoesToTheDeadLetterTopicAndTheStreamGoesOn() {
        String poisonId = UUID.randomUUID().toString();
        String reportId = UUID.randomUUID().toString();
        intake.kafka()
                .publishRaw(
                        Topics.REPORT_LIFECYCLE.name(),
                        reportId,
                        Map.of(
                                CloudEventAttributes.HEADER_SPEC_VERSION,
                                CloudEventAttributes.SPEC_VERSION,
                                CloudEventAttributes.HEADER_ID,
                                poisonId,
                                CloudEventAttributes.HEADER_SOURCE,
                                "/somewhere/else",
                                CloudEventAttributes.HEADER_TYPE,
                                "report.submitted.v3",
                                CloudEventAttributes.HEADER_SUBJECT,
                                reportId,
                                CloudEventAttributes.HEADER_CONTENT_TYPE,
                                CloudEventAttributes.DATA_CONTENT_TYPE),
                        "{\"reportId\":\"" + reportId + "\",\"title\":\"in clear\"}");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(deadLetterIds()).contains(poisonId));
        assertThat(database.casesOf(reportId)).isZero();
        // The reports after it still open their cases.
        intake.openCase();
    }

    /** The CloudEvents ids of every record on the lifecycle topic's dead-letter topic. */
    private List<String> deadLetterIds() {
        return intake.kafka().readAll(Topics.REPORT_LIFECYCLE.deadLetter().name()).stream()
                .map(record -> ServiceTestEvents.header(record, CloudEventAttributes.HEADER_ID))
                .toList();
    }
}
