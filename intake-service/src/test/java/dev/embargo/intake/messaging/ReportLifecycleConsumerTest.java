package dev.embargo.intake.messaging;

import static dev.embargo.intake.IntakeTestInfrastructure.triage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.embargo.contracts.CloudEventAttributes;
import dev.embargo.contracts.Topics;
import dev.embargo.contracts.report.CaseCveAssigned;
import dev.embargo.contracts.report.CaseCveRejected;
import dev.embargo.contracts.report.CaseDeadlinesChanged;
import dev.embargo.contracts.report.CaseMessagePosted;
import dev.embargo.contracts.report.CaseStateChanged;
import dev.embargo.contracts.report.Deadline;
import dev.embargo.contracts.report.ReportAcknowledged;
import dev.embargo.intake.support.IntakeDatabase;
import dev.embargo.intake.support.Programs;
import dev.embargo.intake.support.Researcher;
import dev.embargo.intake.support.Researcher.Receipt;
import dev.embargo.kit.crypto.FieldCipher;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reporter's view follows triage's events on the lifecycle topic: acknowledgement, state,
 * dates, the team's messages; a redelivered event changes nothing, one that breaks its contract is
 * dead-lettered.
 */
@QuarkusTest
class ReportLifecycleConsumerTest {

    private static final Duration FEW_SECONDS = Duration.ofSeconds(20);
    private static final Instant DUE = Instant.parse("2026-12-02T18:00:00Z");

    private final Researcher researcher = Researcher.fresh();
    private Receipt receipt;
    private String reportId;

    @Inject IntakeDatabase database;

    @Inject FieldCipher cipher;

    @BeforeEach
    void aSubmittedReport() {
        Programs.publishSeeds();
        receipt = researcher.submitted(Researcher.report("moqtail"));
        reportId =
                (String)
                        database.row(
                                        "SELECT id::text AS id FROM report WHERE tracking_id = ?",
                                        receipt.trackingId())
                                .get("id");
    }

    @Test
    void anAcknowledgementShowsTheReportAcknowledgedWithItsDeadlines() {
        triage().publish(
                        acknowledged(
                                List.of(
                                        new Deadline("acknowledgement", DUE, "3bd"),
                                        new Deadline("fix", null, "best-effort"))));

        awaitStatus(
                status ->
                        status.body("status", equalTo("acknowledged"))
                                .body("acknowledgedAt", equalTo("2026-11-28T09:00:00Z"))
                                .body("deadlines.step", equalTo(List.of("acknowledgement", "fix")))
                                .body("deadlines[0].dueAt", equalTo("2026-12-02T18:00:00Z"))
                                .body("deadlines[1].promised", equalTo("best-effort")));
    }

    @Test
    void theReporterSeesTheCasesStateAndASpamCaseOnlyAsClosed() {
        triage().publish(stateChanged("acknowledged", "accepted"));
        awaitStatus(status -> status.body("status", equalTo("accepted")));

        triage().publish(stateChanged("accepted", "spam"));
        awaitStatus(status -> status.body("status", equalTo("closed")));
    }

    @Test
    void movedDeadlinesReplaceTheDatesShown() {
        triage().publish(acknowledged(List.of(new Deadline("fix", DUE, "30d"))));
        awaitStatus(status -> status.body("deadlines[0].dueAt", equalTo("2026-12-02T18:00:00Z")));

        Deadline extended = new Deadline("fix", DUE.plus(14, ChronoUnit.DAYS), "44d");
        triage().publish(
                        new CaseDeadlinesChanged(
                                reportId,
                                UUID.randomUUID().toString(),
                                receipt.trackingId(),
                                "moqtail",
                                "extension",
                                "cora",
                                List.of(extended),
                                Instant.now()));
        awaitStatus(
                status ->
                        status.body("deadlines", hasSize(1))
                                .body("deadlines[0].dueAt", equalTo("2026-12-16T18:00:00Z")));
    }

    @Test
    void theTeamsMessageIsKeptSealedAndShownToTheReporterOnceThoughDeliveredAgain() {
        String messageId = UUID.randomUUID().toString();
        CaseMessagePosted posted = teamMessage(messageId, "Can you share the capture?");
        String eventId = triage().publish(posted);
        triage().publish(posted, eventId);
        // The same message under another event id, as after a relay retry in triage: still one
        // message.
        triage().publish(posted);
        triage().publish(stateChanged("acknowledged", "needs_info"));

        awaitStatus(
                status ->
                        status.body("status", equalTo("needs_info"))
                                .body(
                                        "messages.text",
                                        equalTo(List.of("Can you share the capture?")))
                                .body("messages[0].from", equalTo("security team")));
        assertThat(
                        (String)
                                database.row(
                                                "SELECT sealed_body FROM report_message WHERE id ="
                                                        + " ?::uuid",
                                                messageId)
                                        .get("sealed_body"))
                .isEqualTo(posted.sealedBody());
    }

    @Test
    void aRedeliveredEventChangesNothingThoughLaterEventsHaveMovedOn() {
        String acknowledgement = triage().publish(acknowledged(List.of()));
        triage().publish(stateChanged("acknowledged", "accepted"));
        triage().publish(acknowledged(List.of()), acknowledgement);
        // Events of one report share a partition: once this message shows, the redelivery was
        // handled before it.
        triage().publish(teamMessage(UUID.randomUUID().toString(), "Marker"));

        awaitStatus(
                status -> status.body("messages", hasSize(1)).body("status", equalTo("accepted")));
        assertThat(
                        database.count(
                                "SELECT count(*) FROM processed_event WHERE consumer ="
                                        + " 'intake.report-status' AND event_id = ?",
                                acknowledgement))
                .isEqualTo(1);
    }

    @Test
    void anEventThatBreaksItsContractGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        String key = UUID.randomUUID().toString();
        triage().publishRaw(
                        Topics.REPORT_LIFECYCLE.name(),
                        key,
                        Map.of(
                                CloudEventAttributes.HEADER_SPEC_VERSION,
                                CloudEventAttributes.SPEC_VERSION,
                                CloudEventAttributes.HEADER_ID,
                                UUID.randomUUID().toString(),
                                CloudEventAttributes.HEADER_SOURCE,
                                "/embargo/triage",
                                CloudEventAttributes.HEADER_TYPE,
                                "report.acknowledged.v2",
                                CloudEventAttributes.HEADER_SUBJECT,
                                key,
                                CloudEventAttributes.HEADER_CONTENT_TYPE,
                                CloudEventAttributes.DATA_CONTENT_TYPE),
                        "{\"reportId\": 42");

        await().atMost(FEW_SECONDS)
                .untilAsserted(
                        () ->
                                assertThat(
                                                triage().readAll(
                                                                Topics.REPORT_LIFECYCLE
                                                                        .deadLetter()
                                                                        .name()))
                                        .anySatisfy(
                                                record -> assertThat(record.key()).isEqualTo(key)));
        triage().publish(stateChanged("acknowledged", "triaging"));
        awaitStatus(status -> status.body("status", equalTo("triaging")));
    }

    /** Waits until the reporter's status page meets the expectations. */
    @Test
    void theReporterSeesTheCveIdOnceAssignedAndNoLongerOnceRejected() {
        awaitStatus(status -> status.body("cveId", equalTo(null)));

        CaseCveAssigned assigned =
                new CaseCveAssigned(
                        reportId,
                        UUID.randomUUID().toString(),
                        receipt.trackingId(),
                        "moqtail",
                        "CVE-1900-4321",
                        "own-cna",
                        "moqtail",
                        Instant.parse("2026-01-05T09:00:00Z"),
                        "tess",
                        Instant.now());
        String eventId = triage().publish(assigned);
        triage().publish(assigned, eventId);
        awaitStatus(status -> status.body("cveId", equalTo("CVE-1900-4321")));

        triage().publish(
                        new CaseCveRejected(
                                reportId,
                                assigned.caseId(),
                                receipt.trackingId(),
                                "moqtail",
                                "CVE-1900-4321",
                                cipher.seal("Assigned in error."),
                                "tess",
                                Instant.now()));
        awaitStatus(status -> status.body("cveId", equalTo(null)));
    }

    private void awaitStatus(UnaryOperator<ValidatableResponse> expectations) {
        // Not too often: the status page is rate limited like every reporter endpoint.
        await().atMost(FEW_SECONDS)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(
                        () ->
                                expectations.apply(
                                        researcher
                                                .status(receipt.trackingId(), receipt.token())
                                                .then()
                                                .statusCode(200)));
    }

    private ReportAcknowledged acknowledged(List<Deadline> deadlines) {
        return new ReportAcknowledged(
                reportId,
                receipt.trackingId(),
                "moqtail",
                UUID.randomUUID().toString(),
                Instant.parse("2026-11-28T09:00:00Z"),
                deadlines);
    }

    private CaseStateChanged stateChanged(String from, String to) {
        return new CaseStateChanged(
                reportId,
                UUID.randomUUID().toString(),
                receipt.trackingId(),
                "moqtail",
                from,
                to,
                "tess",
                null,
                Instant.now());
    }

    private CaseMessagePosted teamMessage(String messageId, String text) {
        return new CaseMessagePosted(
                reportId,
                UUID.randomUUID().toString(),
                receipt.trackingId(),
                "moqtail",
                messageId,
                cipher.seal(text),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
