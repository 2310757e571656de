package dev.embargo.advisory.service;

import static dev.embargo.advisory.AdvisoryFixtures.EMEK;
import static dev.embargo.advisory.AdvisoryFixtures.MOQTAIL;
import static dev.embargo.advisory.AdvisoryTestInfrastructure.triage;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.advisory.AdvisoryFixtures;
import dev.embargo.advisory.AdvisoryFixtures.Report;
import dev.embargo.advisory.CveServicesStandInResource;
import dev.embargo.advisory.format.OfficialSchemas;
import dev.embargo.contracts.program.CveIdRejected;
import dev.embargo.contracts.report.CaseCveRejected;
import dev.embargo.contracts.report.CaseSsvcDecided;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.localstack.CveServicesStandIn;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "ada", roles = "admin")
class CveRecordSubmissionTest {

    @Inject AdvisoryFixtures fixtures;

    @Inject FieldCipher cipher;

    private final CveServicesStandIn cveServices = CveServicesStandInResource.standIn();

    @Test
    void thePublishedRecordReachesCveServicesAfterTheAdvisoryIsPublicAndKeepsToItsApi() {
        var scheduled = fixtures.scheduled(MOQTAIL, Instant.now().plus(Duration.ofDays(10)));
        String cveId = scheduled.content().cveId();

        assertThat(cveServices.exchanges()).noneMatch(exchange -> cveId.equals(exchange.cveId()));
        assertThat(submissions(cveId)).isZero();

        fixtures.liftTimePassed(scheduled);
        await().atMost(Duration.ofSeconds(30)).until(() -> cveServices.record(cveId).isPresent());

        JsonNode record = cveServices.record(cveId).orElseThrow();
        assertThat(cveServices.violations()).isEmpty();
        assertThat(OfficialSchemas.violations(OfficialSchemas.CVE, record)).isEmpty();
        assertThat(record.at("/cveMetadata/state").asText()).isEqualTo("PUBLISHED");
        assertThat(record.at("/containers/cna/title").asText())
                .isEqualTo(scheduled.content().title());
        await().atMost(Duration.ofSeconds(10)).until(() -> "SUBMITTED".equals(status(cveId)));
        assertThat(
                        fixtures.texts(
                                "select payload from outbox_event where event_type = ?"
                                        + " and payload like ?",
                                "cve.record.published.v1",
                                "%" + cveId + "%"))
                .singleElement()
                .asString()
                .contains(
                        "\"recordState\":\"PUBLISHED\"", scheduled.advisory().reportId.toString());
        given().when()
                .get("/api/v1/advisories/" + scheduled.advisory().id + "/cve-submissions")
                .then()
                .statusCode(200)
                .body("cveId", equalTo(List.of(cveId)))
                .body("status", equalTo(List.of("submitted")));
    }

    @Test
    void theCasesSsvcDecisionGoesOutInThePublishedRecordAsCisasAdpWritesIt() {
        var scheduled = fixtures.scheduled(MOQTAIL, Instant.now().plus(Duration.ofDays(10)));
        String cveId = scheduled.content().cveId();
        String trackingId = scheduled.advisory().trackingId;
        triage().publish(
                        new CaseSsvcDecided(
                                scheduled.advisory().reportId.toString(),
                                UUID.randomUUID().toString(),
                                trackingId,
                                MOQTAIL,
                                new CaseSsvcDecided.Decision(
                                        "CISA Coordinator",
                                        "2.0.3",
                                        List.of(
                                                new CaseSsvcDecided.Option(
                                                        "Exploitation", "Active"),
                                                new CaseSsvcDecided.Option("Automatable", "Yes"),
                                                new CaseSsvcDecided.Option(
                                                        "Technical Impact", "Total"),
                                                new CaseSsvcDecided.Option(
                                                        "Mission and Well-Being Impact", "High")),
                                        "Act"),
                                null,
                                "cora",
                                Instant.parse("2026-12-07T10:00:00Z")));
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                !fixtures.texts(
                                                "select ssvc from tracked_report where tracking_id"
                                                        + " = ? and ssvc is not null",
                                                trackingId)
                                        .isEmpty());

        fixtures.liftTimePassed(scheduled);
        await().atMost(Duration.ofSeconds(30)).until(() -> cveServices.record(cveId).isPresent());

        JsonNode record = cveServices.record(cveId).orElseThrow();
        assertThat(OfficialSchemas.violations(OfficialSchemas.CVE, record)).isEmpty();
        JsonNode ssvc =
                java.util.stream.StreamSupport.stream(
                                record.at("/containers/cna/metrics").spliterator(), false)
                        .map(metric -> metric.path("other"))
                        .filter(other -> "ssvc".equals(other.path("type").asText()))
                        .findFirst()
                        .orElseThrow()
                        .path("content");
        assertThat(ssvc.path("id").asText()).isEqualTo(cveId);
        assertThat(ssvc.path("role").asText()).isEqualTo("CISA Coordinator");
        assertThat(ssvc.path("timestamp").asText()).isEqualTo("2026-12-07T10:00:00Z");
        assertThat(ssvc.path("options").toString())
                .isEqualTo(
                        "[{\"Exploitation\":\"active\"},{\"Automatable\":\"yes\"},"
                                + "{\"Technical Impact\":\"total\"}]");
    }

    @Test
    void theAdvisoryDraftedFromACaseStartsWithItsCveId() {
        String cveId = "CVE-1900-" + (100000 + (int) (Math.random() * 800000));
        Report report = fixtures.acceptedWithCveId(MOQTAIL, cveId, null);

        given().contentType("application/json")
                .body(Map.of("trackingId", report.trackingId()))
                .when()
                .post("/api/v1/advisories")
                .then()
                .statusCode(201)
                .body("content.cveId", equalTo(cveId));
    }

    @Test
    void thePublishedRecordOfAnIdFromTheProgramsPoolSaysWhenItWasReserved() throws Exception {
        String cveId = "CVE-1900-" + (100000 + (int) (Math.random() * 800000));
        Instant reservedAt = Instant.parse("2026-10-01T08:30:00Z");
        Report report = fixtures.acceptedWithCveId(MOQTAIL, cveId, reservedAt);
        var scheduled =
                fixtures.scheduled(
                        fixtures.complete(report, cveId), Instant.now().plus(Duration.ofDays(10)));

        fixtures.liftTimePassed(scheduled);
        String published = "/advisories/" + scheduled.advisory().publicId + "/cve.json";
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().when().get(published).then().statusCode(200));

        // The published record's metadata; CVE Services, sent only the CNA container, keeps its
        // own.
        JsonNode record =
                new ObjectMapper()
                        .readTree(given().when().get(published).then().extract().asString());
        assertThat(OfficialSchemas.violations(OfficialSchemas.CVE, record)).isEmpty();
        assertThat(record.at("/cveMetadata/dateReserved").asText())
                .isEqualTo(reservedAt.toString());
    }

    @Test
    void aRejectedCveIdBecomesARejectedRecordWithStaffsReason() {
        Report report = fixtures.submitted(MOQTAIL);
        String cveId = "CVE-1900-" + (100000 + (int) (Math.random() * 800000));

        triage().publish(rejection(report, cveId, "Duplicate of an earlier CVE id."));

        await().atMost(Duration.ofSeconds(30)).until(() -> cveServices.record(cveId).isPresent());
        JsonNode record = cveServices.record(cveId).orElseThrow();
        assertThat(cveServices.violations()).isEmpty();
        assertThat(record.at("/cveMetadata/state").asText()).isEqualTo("REJECTED");
        assertThat(record.at("/containers/cna/rejectedReasons/0/value").asText())
                .isEqualTo("Duplicate of an earlier CVE id.");
        assertThat(OfficialSchemas.violations(OfficialSchemas.CVE, record)).isEmpty();
    }

    @Test
    void aRejectionRedeliveredIsQueuedOnce() {
        Report report = fixtures.submitted(MOQTAIL);
        String cveId = "CVE-1900-" + (100000 + (int) (Math.random() * 800000));
        var event = rejection(report, cveId, "Assigned in error.");

        String eventId = triage().publish(event);
        triage().publish(event, eventId);

        await().atMost(Duration.ofSeconds(30)).until(() -> "SUBMITTED".equals(status(cveId)));
        assertThat(submissions(cveId)).isEqualTo(1);
    }

    @Test
    void anUnusedIdRejectedFromThePoolHasItsRejectedRecordFiledOnceEvenWhenRedelivered() {
        String cveId = "CVE-1900-" + (100000 + (int) (Math.random() * 800000));
        var event =
                new CveIdRejected(
                        MOQTAIL,
                        cveId,
                        cipher.seal("Reserved for a report that was withdrawn."),
                        "ada",
                        Instant.now());

        String eventId = triage().publish(event);
        triage().publish(event, eventId);

        await().atMost(Duration.ofSeconds(30)).until(() -> cveServices.record(cveId).isPresent());
        JsonNode record = cveServices.record(cveId).orElseThrow();
        assertThat(record.at("/cveMetadata/state").asText()).isEqualTo("REJECTED");
        assertThat(record.at("/containers/cna/rejectedReasons/0/value").asText())
                .isEqualTo("Reserved for a report that was withdrawn.");
        assertThat(cveServices.violations()).isEmpty();
        assertThat(submissions(cveId)).isEqualTo(1);
    }

    @Test
    void aProgramWithoutACveServicesAccountHasItsRecordKeptNotSent() {
        var scheduled = fixtures.scheduled(EMEK, Instant.now().plus(Duration.ofDays(10)));
        String cveId = scheduled.content().cveId();

        fixtures.liftTimePassed(scheduled);

        await().atMost(Duration.ofSeconds(30)).until(() -> "NOT_CONFIGURED".equals(status(cveId)));
        assertThat(cveServices.exchanges()).noneMatch(exchange -> cveId.equals(exchange.cveId()));
    }

    @Test
    void aRefusalIsKeptWithCveServicesAnswerAndNotRetried() throws Exception {
        Report report = fixtures.submitted(MOQTAIL);
        String cveId = "CVE-1900-" + (100000 + (int) (Math.random() * 800000));
        rejectDirectly(cveId);

        triage().publish(rejection(report, cveId, "Not a vulnerability."));

        await().atMost(Duration.ofSeconds(30)).until(() -> "REFUSED".equals(status(cveId)));
        assertThat(fixtures.text("select last_error from cve_submission where cve_id = ?", cveId))
                .startsWith("HTTP 400")
                .contains("CVE_RECORD_EXISTS")
                .doesNotContain(CveServicesStandInResource.MOQTAIL_ACCOUNT.apiKey());
        Thread.sleep(1000);
        assertThat(
                        cveServices.exchanges().stream()
                                .filter(exchange -> cveId.equals(exchange.cveId())))
                .hasSize(2);
    }

    private CaseCveRejected rejection(Report report, String cveId, String reason) {
        return new CaseCveRejected(
                report.reportId(),
                UUID.randomUUID().toString(),
                report.trackingId(),
                report.program(),
                cveId,
                cipher.seal(reason),
                "tess",
                Instant.now());
    }

    /** Another user of the CNA's account rejects the id first. */
    private void rejectDirectly(String cveId) throws Exception {
        var account = CveServicesStandInResource.MOQTAIL_ACCOUNT;
        HttpRequest request =
                HttpRequest.newBuilder(
                                URI.create(cveServices.baseUri() + "/cve/" + cveId + "/reject"))
                        .header("Content-Type", "application/json")
                        .header("CVE-API-ORG", account.organisation())
                        .header("CVE-API-USER", account.user())
                        .header("CVE-API-KEY", account.apiKey())
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"cnaContainer\": {\"rejectedReasons\": [{\"lang\":"
                                                + " \"en\", \"value\": \"Unused.\"}]}}"))
                        .build();
        assertThat(
                        HttpClient.newHttpClient()
                                .send(request, HttpResponse.BodyHandlers.ofString())
                                .statusCode())
                .isEqualTo(200);
    }

    private long submissions(String cveId) {
        return fixtures.count("select count(*) from cve_submission where cve_id = ?", cveId);
    }

    private String status(String cveId) {
        return fixtures.text(
                "select coalesce(max(status), '') from cve_submission where cve_id = ?", cveId);
    }
}
