package dev.embargo.intake.rest;

import static dev.embargo.intake.IntakeTestInfrastructure.triage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import dev.embargo.contracts.Topics;
import dev.embargo.intake.support.IntakeDatabase;
import dev.embargo.intake.support.OpenPgpKeys;
import dev.embargo.intake.support.Programs;
import dev.embargo.intake.support.Researcher;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.localstack.ServiceTestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An accepted report: the receipt, the row and its event stored together, sensitive text sealed at
 * rest and on Kafka.
 */
@QuarkusTest
class ReportSubmissionTest {

    @Inject IntakeDatabase database;

    @Inject FieldCipher cipher;

    @BeforeEach
    void seedPrograms() {
        Programs.publishSeeds();
    }

    @Test
    void anAcceptedReportGetsAQuotableTrackingIdAStatusUrlAndATokenShownOnce() {
        Response response = Researcher.fresh().submit(Researcher.report("pea2pea"));

        response.then().statusCode(201).body("status", equalTo("submitted"));
        String trackingId = response.path("trackingId");
        String token = response.path("reporterToken");
        assertThat(trackingId).matches("EMB-\\d{4}-\\d{5,}");
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        response.then()
                .header("Location", endsWith("/api/v1/reports/" + trackingId))
                .body("statusUrl", endsWith("/api/v1/reports/" + trackingId))
                // The token travels in the fragment, which browsers never send to a server.
                .body("statusPage", endsWith("/status/" + trackingId + "#token=" + token));
    }

    @Test
    void theReportAndItsSubmittedEventAreStoredTogetherWithTheTextSealed() {
        Map<String, Object> report = Researcher.report("pea2pea");
        report.put("title", "zebra-title");
        report.put("description", "zebra-description");
        String trackingId = Researcher.fresh().submitted(report).trackingId();

        Map<String, Object> row =
                database.row(
                        "SELECT id::text AS id, sealed_title, sealed_description,"
                            + " sealed_reporter_email, status FROM report WHERE tracking_id = ?",
                        trackingId);
        assertThat(row.get("status")).isEqualTo("SUBMITTED");
        for (String sealed :
                List.of("sealed_title", "sealed_description", "sealed_reporter_email")) {
            assertThat((String) row.get(sealed))
                    .startsWith("enc:v1:")
                    .doesNotContain("zebra", "example.org");
        }
        List<Map<String, Object>> events =
                database.rows(
                        "SELECT event_type, topic, payload FROM outbox_event WHERE event_key = ?",
                        row.get("id"));
        assertThat(events)
                .singleElement()
                .satisfies(
                        event -> {
                            assertThat(event.get("event_type")).isEqualTo("report.submitted.v3");
                            assertThat(event.get("topic"))
                                    .isEqualTo(Topics.REPORT_LIFECYCLE.name());
                            assertThat((String) event.get("payload"))
                                    .contains(trackingId, (String) row.get("sealed_title"))
                                    .doesNotContain("zebra");
                        });
    }

    @Test
    void theTokenIsStoredOnlyAsItsHash() {
        Researcher.Receipt receipt = Researcher.fresh().submitted(Researcher.report("pea2pea"));

        byte[] stored =
                (byte[])
                        database.row(
                                        "SELECT token_hash FROM report WHERE tracking_id = ?",
                                        receipt.trackingId())
                                .get("token_hash");
        assertThat(stored)
                .hasSize(32)
                .isNotEqualTo(receipt.token().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSubmittedEventIsRelayedToKafkaKeyedByReportIdAsACloudEventFromIntake() {
        String trackingId = Researcher.fresh().submitted(Researcher.report("moqtail")).trackingId();
        String reportId =
                (String)
                        database.row(
                                        "SELECT id::text AS id FROM report WHERE tracking_id = ?",
                                        trackingId)
                                .get("id");

        ConsumerRecord<String, String> relayed = relayedSubmission(reportId);
        assertThat(ServiceTestEvents.header(relayed, "ce_type")).isEqualTo("report.submitted.v3");
        assertThat(ServiceTestEvents.header(relayed, "ce_source")).isEqualTo("/embargo/intake");
        assertThat(ServiceTestEvents.header(relayed, "ce_subject")).isEqualTo(reportId);
        assertThat(relayed.value()).contains("enc:v1:").doesNotContain("crafted frame");
    }

    @Test
    void aReporterKeyComesAsASecondEventAfterTheReportsOwn() {
        OpenPgpKeys key = OpenPgpKeys.generate("Ada <ada@example.org>");
        Map<String, Object> report = Researcher.report("pea2pea");
        report.put("reporterPublicKey", key.armored());
        String trackingId = Researcher.fresh().submitted(report).trackingId();

        List<Map<String, Object>> events =
                database.rows(
                        "SELECT e.event_type, e.payload FROM outbox_event e JOIN report r ON"
                            + " e.event_key = r.id::text WHERE r.tracking_id = ? ORDER BY e.seq",
                        trackingId);
        assertThat(events)
                .extracting(event -> event.get("event_type"))
                .containsExactly("report.submitted.v3", "report.reporter.key.provided.v1");
        assertThat((String) events.get(1).get("payload"))
                .contains(key.fingerprint())
                .doesNotContain("BEGIN PGP PUBLIC KEY");
    }

    @Test
    void theReportersClaimsAreKeptAsTheyCame() {
        Map<String, Object> report = Researcher.report("moqtail");
        report.putAll(
                Map.of(
                        "scopeClass",
                        "denial-of-service",
                        "cvssVector",
                        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
                        "creditPreference",
                        "handle",
                        "creditName",
                        "@ada",
                        "affectedVersion",
                        "0.4.1"));
        String trackingId = Researcher.fresh().submitted(report).trackingId();

        Map<String, Object> row =
                database.row(
                        "SELECT reported_scope_class, reported_cvss_vector, credit_preference,"
                                + " sealed_credit_name, sealed_affected_version FROM report"
                                + " WHERE tracking_id = ?",
                        trackingId);
        assertThat(row)
                .contains(
                        Map.entry("reported_scope_class", "denial-of-service"),
                        Map.entry(
                                "reported_cvss_vector",
                                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"),
                        Map.entry("credit_preference", "handle"));
        assertThat(cipher.open((String) row.get("sealed_credit_name"))).isEqualTo("@ada");
        assertThat(cipher.open((String) row.get("sealed_affected_version"))).isEqualTo("0.4.1");
    }

    @Test
    void theCreditNameAndAffectedVersionAreInPlainTextNeitherInTheRowNorOnKafka() {
        Map<String, Object> report = Researcher.report("pea2pea");
        report.put("creditName", "Ada Zebracredit");
        report.put("affectedVersion", "9.8.7-zebraversion");
        String trackingId = Researcher.fresh().submitted(report).trackingId();

        Map<String, Object> row =
                database.row(
                        "SELECT id::text AS id, row_to_json(report)::text AS stored FROM report"
                                + " WHERE tracking_id = ?",
                        trackingId);
        assertThat((String) row.get("stored"))
                .contains(trackingId)
                .doesNotContain("Zebracredit", "zebraversion");
        ConsumerRecord<String, String> relayed = relayedSubmission((String) row.get("id"));
        assertThat(relayed.value())
                .contains(trackingId)
                .doesNotContain("Zebracredit", "zebraversion");
    }

    @Test
    void aRefusedReportLeavesNeitherARowNorAnEvent() {
        Map<String, Object> report = Researcher.report("pea2pea");
        report.put("scopeClass", "rocket-science");
        report.put("title", "refused-" + System.nanoTime());

        Researcher.fresh().submit(report).then().statusCode(422);

        assertThat(
                        database.count(
                                "SELECT count(*) FROM report WHERE reported_scope_class ="
                                        + " 'rocket-science'"))
                .isZero();
        assertThat(
                        database.count(
                                "SELECT count(*) FROM outbox_event WHERE payload LIKE"
                                        + " '%rocket-science%'"))
                .isZero();
    }

    private static ConsumerRecord<String, String> relayedSubmission(String reportId) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                triage().readAll(Topics.REPORT_LIFECYCLE.name()).stream()
                                        .filter(record -> reportId.equals(record.key()))
                                        .findFirst()
                                        .orElse(null),
                        found -> found != null);
    }
}
