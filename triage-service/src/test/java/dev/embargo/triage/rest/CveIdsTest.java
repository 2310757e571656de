package dev.embargo.triage.rest;

import static dev.embargo.triage.rest.CaseCalls.get;
import static dev.embargo.triage.rest.CaseCalls.move;
import static dev.embargo.triage.rest.CaseCalls.post;
import static dev.embargo.triage.rest.CaseCalls.put;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.embargo.contracts.report.CveRecordPublished;
import dev.embargo.triage.IntakeEvents;
import dev.embargo.triage.RegulatedPrograms;
import dev.embargo.triage.TriageDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * CVE IDs by the program's route: an own CNA's pool (assigned, rejected when unused), another
 * assigner's request and ID, and the CNA clock from public disclosure to the published record.
 */
@QuarkusTest
@TestSecurity(user = "ada", roles = "admin")
class CveIdsTest {

    private static final String OWN_CNA =
            "\"cve\": {\"route\": \"own-cna\", \"cnaShortName\": \"reg\"}";

    @Inject RegulatedPrograms programs;

    @Inject IntakeEvents intake;

    @Inject TriageDatabase database;

    @Test
    void anOwnCnaAssignsItsLowestFreeReservedIdAndTheReporterIsToldWhenItWasReserved() {
        RegulatedPrograms.Opened cna = programs.openCase(OWN_CNA);
        String ids = uniquePrefix();
        reserve(cna.slug(), ids + "02", ids + "01").then().statusCode(200);

        post(cna.caseId(), "/cve/assign", Map.of())
                .then()
                .statusCode(200)
                .body("cveId", equalTo(ids + "01"))
                .body("route", equalTo("own-cna"));

        String reservedAt =
                pool(cna.slug())
                        .body(
                                "find { it.cveId == '%s' }.state".formatted(ids + "01"),
                                equalTo("assigned"))
                        .body(
                                "find { it.cveId == '%s' }.caseId".formatted(ids + "01"),
                                equalTo(cna.caseId()))
                        .body(
                                "find { it.cveId == '%s' }.state".formatted(ids + "02"),
                                equalTo("reserved"))
                        .extract()
                        .path("find { it.cveId == '%s' }.reservedAt".formatted(ids + "01"));
        String payload = database.outboxPayloads("case.cve.assigned.v2", cna.caseId()).getFirst();
        assertThat(payload).contains(ids + "01", "\"own-cna\"", "\"reg\"");
        // The pool's reservation time becomes the CVE record's dateReserved.
        assertThat(Instant.parse(JsonPath.from(payload).getString("reservedAt")))
                .isEqualTo(Instant.parse(reservedAt));
        get(cna.caseId(), "/audit").then().body("action", hasItem("cve assigned " + ids + "01"));
        // One ID per case: another needs the first rejected.
        post(cna.caseId(), "/cve/assign", Map.of())
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void anUnusedIdIsRejectedWithAReasonAndAnAssignedOneOnlyOnItsCase() {
        RegulatedPrograms.Opened cna = programs.openCase(OWN_CNA);
        String ids = uniquePrefix();
        reserve(cna.slug(), ids + "00", ids + "01").then().statusCode(200);
        post(cna.caseId(), "/cve/assign", Map.of("cveId", ids + "01")).then().statusCode(200);

        rejectInPool(cna.slug(), ids + "00")
                .then()
                .statusCode(200)
                .body("state", equalTo("rejected"))
                .body("rejectionReason", equalTo("Reserved for a report that was withdrawn"));
        rejectInPool(cna.slug(), ids + "01").then().statusCode(409);
        post(cna.caseId(), "/cve/assign", Map.of("cveId", ids + "00")).then().statusCode(409);
        // Advisory hears of the unused ID's rejection (to file its REJECTED record); the reason
        // travels sealed.
        assertThat(database.outboxPayloads("cve.id.rejected.v1", ids + "00"))
                .singleElement()
                .asString()
                .contains(cna.slug())
                .doesNotContain("Reserved for a report that was withdrawn");

        post(cna.caseId(), "/cve/reject", Map.of("reason", "Duplicate of an earlier CVE"))
                .then()
                .statusCode(200)
                .body("cveId", nullValue());
        pool(cna.slug())
                .body("find { it.cveId == '%s' }.state".formatted(ids + "01"), equalTo("rejected"));
        assertThat(database.outboxPayloads("case.cve.rejected.v1", cna.caseId()))
                .singleElement()
                .asString()
                .contains(ids + "01")
                .doesNotContain("Duplicate of an earlier CVE");
    }

    @Test
    void anotherAssignersIdIsRequestedThenRecorded() {
        String ids = uniquePrefix();
        RegulatedPrograms.Opened parent =
                programs.openCase(
                        "\"cve\": {\"route\": \"parent-cna\", \"assigner\": \"Red Hat\"}");

        post(parent.caseId(), "/cve/assign", Map.of())
                .then()
                .statusCode(409)
                .body("type", equalTo("https://embargo.dev/problems/cve-route"));
        post(parent.caseId(), "/cve/request", Map.of("from", "Red Hat", "reference", "RT-4711"))
                .then()
                .statusCode(200)
                .body("requestedFrom", equalTo("Red Hat"))
                .body("requestReference", equalTo("RT-4711"));
        put(parent.caseId(), "/cve", Map.of("cveId", ids + "11"))
                .then()
                .statusCode(200)
                .body("cveId", equalTo(ids + "11"))
                .body("route", equalTo("parent-cna"));

        assertThat(database.outboxPayloads("case.cve.assigned.v2", parent.caseId()))
                .singleElement()
                .asString()
                .contains(ids + "11", "\"parent-cna\"", "\"Red Hat\"")
                .satisfies(
                        payload ->
                                assertThat(JsonPath.from(payload).getString("reservedAt"))
                                        .as(
                                                "the assigner reserved it; the program cannot know"
                                                        + " when")
                                        .isNull());
        // Someone else's record: the CNA clock is theirs.
        move(parent.caseId(), "triaging");
        move(parent.caseId(), "accepted");
        move(parent.caseId(), "fixing");
        move(parent.caseId(), "published").then().statusCode(200);
        get(parent.caseId(), "/deadlines")
                .then()
                .body("step", org.hamcrest.Matchers.not(hasItem("cve_record")));
    }

    @Test
    void theCnaClockStartsAtPublicDisclosureAndThePublishedRecordKeepsIt() {
        RegulatedPrograms.Opened cna = programs.openCase(OWN_CNA);
        String ids = uniquePrefix();
        reserve(cna.slug(), ids + "00").then().statusCode(200);
        post(cna.caseId(), "/cve/assign", Map.of()).then().statusCode(200);
        get(cna.caseId(), "/deadlines")
                .then()
                .body("step", org.hamcrest.Matchers.not(hasItem("cve_record")));

        move(cna.caseId(), "triaging");
        move(cna.caseId(), "accepted");
        move(cna.caseId(), "fixing");
        move(cna.caseId(), "published").then().statusCode(200);

        Instant disclosed = Instant.parse(get(cna.caseId(), "/cve").path("publiclyDisclosedAt"));
        get(cna.caseId(), "/deadlines")
                .then()
                .body(
                        "find { it.step == 'cve_record_target' }.dueAt",
                        equalTo(disclosed.plus(Duration.ofHours(24)).toString()))
                .body("find { it.step == 'cve_record_target' }.firm", equalTo(false))
                .body(
                        "find { it.step == 'cve_record' }.dueAt",
                        equalTo(disclosed.plus(Duration.ofHours(72)).toString()))
                .body("find { it.step == 'cve_record' }.firm", equalTo(true));

        String reportId = database.reportOf(cna.caseId());
        intake.publish(
                new CveRecordPublished(
                        reportId, cna.slug(), ids + "00", "PUBLISHED", null, Instant.now()),
                UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                get(cna.caseId(), "/deadlines")
                                        .then()
                                        .body(
                                                "find { it.step == 'cve_record' }.standing",
                                                equalTo("settled"))
                                        .body(
                                                "find { it.step == 'cve_record_target' }.standing",
                                                equalTo("settled")));
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void aCoordinatorAssignsButOnlyAnAdminFillsThePool() {
        reserve("pea2pea", "CVE-1900-0001").then().statusCode(403);
        given().when().get("/api/v1/programs/pea2pea/cve-ids").then().statusCode(200);
    }

    private static io.restassured.response.Response reserve(String slug, String... cveIds) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("cveIds", List.of(cveIds)))
                .when()
                .post("/api/v1/programs/" + slug + "/cve-ids");
    }

    private static io.restassured.response.Response rejectInPool(String slug, String cveId) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("reason", "Reserved for a report that was withdrawn"))
                .when()
                .post("/api/v1/programs/" + slug + "/cve-ids/" + cveId + "/reject");
    }

    private static io.restassured.response.ValidatableResponse pool(String slug) {
        return given().when().get("/api/v1/programs/" + slug + "/cve-ids").then().statusCode(200);
    }

    /**
     * CVE IDs are unique across programs: each test reserves its own under the test year 1900, this
     * prefix and two more digits.
     */
    private static String uniquePrefix() {
        return "CVE-1900-" + (10000 + new java.util.Random().nextInt(90000));
    }
}
