package dev.embargo.triage.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.embargo.contracts.CloudEventAttributes;
import dev.embargo.contracts.EventCodec;
import dev.embargo.contracts.EventPayload;
import dev.embargo.contracts.EventType;
import dev.embargo.contracts.Topics;
import dev.embargo.contracts.report.ReportSubmitted;
import dev.embargo.localstack.ServiceTestEvents;
import dev.embargo.triage.IntakeEvents;
import dev.embargo.triage.TriageDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.reactive.messaging.ce.impl.DefaultIncomingCloudEventMetadata;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

/**
 * The reports of one Kafka batch open their cases together: each once, however often the batch or a
 * report in it is delivered, and a report that cannot be opened does not hold back the others.
 */
@QuarkusTest
@TestSecurity(user = "tess", roles = "triager")
class ReportBatchesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject ReportLifecycleConsumer consumer;

    @Inject IntakeEvents intake;

    @Inject TriageDatabase database;

    @Inject EventCodec codec;

    @Test
    void aBatchOfReportsOpensACaseForEachWithItsDeadlinesAuditAndAcknowledgement() {
        List<ReportSubmitted> reports = reports(5);
        List<Delivery> batch = reports.stream().map(ReportBatchesTest::delivery).toList();

        consume(batch);

        assertThat(batch).allMatch(Delivery::acknowledged);
        for (ReportSubmitted report : reports) {
            String caseId = database.caseOf(report.reportId()).orElseThrow();
            assertThat(database.rowsOfCase("case_deadline", caseId)).isPositive();
            assertThat(database.rowsOfCase("case_audit", caseId)).isEqualTo(1);
            assertThat(database.outboxEvents("report.acknowledged.v2", report.reportId()))
                    .isEqualTo(1);
        }
        String caseId = database.caseOf(reports.getFirst().reportId()).orElseThrow();
        given().when()
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("state", equalTo("acknowledged"))
                .body("programRevision", equalTo(1))
                .body("title", equalTo("Batched report 0"));
        given().when()
                .get("/api/v1/cases/" + caseId + "/deadlines")
                .then()
                .statusCode(200)
                .body("find { it.step == 'triage' }.standing", equalTo("pending"));
        given().when()
                .get("/api/v1/cases/" + caseId + "/audit/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true));
    }

    @Test
    void aBatchDeliveredAgainOrAReportAnnouncedTwiceInItOpensEachCaseOnce() {
        List<ReportSubmitted> reports = reports(3);
        List<Delivery> batch =
                new ArrayList<>(reports.stream().map(ReportBatchesTest::delivery).toList());
        // The same report under a new event id, as a relay that lost its bookkeeping would send it.
        batch.add(delivery(reports.getFirst()));
        List<Delivery> redelivered = batch.stream().map(Delivery::again).toList();

        consume(batch);
        consume(redelivered);

        assertThat(batch).allMatch(Delivery::acknowledged);
        assertThat(redelivered).allMatch(Delivery::acknowledged);
        for (ReportSubmitted report : reports) {
            assertThat(database.casesOf(report.reportId())).isEqualTo(1);
            assertThat(database.outboxEvents("report.acknowledged.v2", report.reportId()))
                    .isEqualTo(1);
        }
    }

    @Test
    void aReportThatCannotBeOpenedIsDeadLetteredAloneAndTheRestOfItsBatchOpens() {
        List<ReportSubmitted> reports = reports(4);
        ReportSubmitted unreadable = sealedWithAnUnknownKey(reports.get(2));
        List<Delivery> batch =
                List.of(
                        delivery(reports.get(0)),
                        delivery(reports.get(1)),
                        delivery(unreadable),
                        delivery(reports.get(3)));

        consume(batch);

        assertThat(batch.get(2).deadLettered()).isNotNull();
        assertThat(database.casesOf(unreadable.reportId())).isZero();
        for (int i : List.of(0, 1, 3)) {
            assertThat(batch.get(i).acknowledged()).isTrue();
            assertThat(database.casesOf(reports.get(i).reportId())).isEqualTo(1);
        }
    }

    @Test
    void aReportThatCannotBeOpenedReachesTheDeadLetterTopicAndTheReportsAroundItStillOpen() {
        List<ReportSubmitted> reports = reports(3);
        ReportSubmitted unreadable = sealedWithAnUnknownKey(reports.get(1));
        String unreadableId = UUID.randomUUID().toString();
        intake.publish(reports.get(0), UUID.randomUUID().toString());
        intake.publish(unreadable, unreadableId);
        intake.publish(reports.get(2), UUID.randomUUID().toString());

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(deadLetterIds()).contains(unreadableId));
        database.awaitCaseOf(reports.get(0).reportId());
        database.awaitCaseOf(reports.get(2).reportId());
        assertThat(database.casesOf(unreadable.reportId())).isZero();
    }

    private void consume(List<Delivery> batch) {
        consumer.consume(batch.stream().map(delivery -> delivery.message(codec)).toList())
                .await()
                .atMost(PATIENCE);
    }

    private List<ReportSubmitted> reports(int count) {
        return IntStream.range(0, count)
                .mapToObj(
                        i ->
                                intake.report(
                                        "moqtail",
                                        "Batched report " + i,
                                        "Report " + i + " of a batch: the parser overflows."))
                .toList();
    }

    /** The report with a title sealed under a key triage does not have: it cannot be opened. */
    private static ReportSubmitted sealedWithAnUnknownKey(ReportSubmitted report) {
        return new ReportSubmitted(
                report.reportId(),
                report.trackingId(),
                report.programSlug(),
                report.programRevision(),
                "enc:v1:retired:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                report.sealedDescription(),
                report.sealedReporterEmail(),
                report.sealedCreditName(),
                report.sealedAffectedVersion(),
                report.submittedAt(),
                report.reportedScopeClass(),
                report.reportedCvssVector(),
                report.creditPreference());
    }

    private List<String> deadLetterIds() {
        return intake.kafka().readAll(Topics.REPORT_LIFECYCLE.deadLetter().name()).stream()
                .map(record -> ServiceTestEvents.header(record, CloudEventAttributes.HEADER_ID))
                .toList();
    }

    private static Delivery delivery(EventPayload payload) {
        return new Delivery(payload, UUID.randomUUID().toString());
    }

    /** An event as one record of a batch, and what the consumer did with it. */
    private record Delivery(
            EventPayload payload,
            String eventId,
            AtomicBoolean acked,
            AtomicReference<Throwable> nacked) {

        Delivery(EventPayload payload, String eventId) {
            this(payload, eventId, new AtomicBoolean(), new AtomicReference<>());
        }

        /** The same event delivered once more. */
        Delivery again() {
            return new Delivery(payload, eventId);
        }

        boolean acknowledged() {
            return acked.get() && nacked.get() == null;
        }

        Throwable deadLettered() {
            return acked.get() ? null : nacked.get();
        }

        Message<String> message(EventCodec codec) {
            return Message.of(
                    codec.encode(payload),
                    Metadata.of(
                            new DefaultIncomingCloudEventMetadata<>(
                                    CloudEventAttributes.SPEC_VERSION,
                                    eventId,
                                    URI.create("/embargo/intake"),
                                    EventType.of(payload.getClass()).typeName(),
                                    CloudEventAttributes.DATA_CONTENT_TYPE,
                                    null,
                                    payload.subject(),
                                    ZonedDateTime.now(),
                                    Map.of(),
                                    null)),
                    () -> {
                        acked.set(true);
                        return CompletableFuture.completedFuture(null);
                    },
                    failure -> {
                        nacked.set(failure);
                        return CompletableFuture.completedFuture(null);
                    });
        }
    }
}
