package dev.embargo.triage.rest;

import static dev.embargo.triage.rest.CaseCalls.get;
import static dev.embargo.triage.rest.CaseCalls.post;
import static dev.embargo.triage.rest.CaseCalls.put;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import dev.embargo.triage.RegulatedPrograms;
import dev.embargo.triage.TriageDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * EU CRA Article 14 for a program on the EU market: the clock from the awareness time, its three
 * deadlines on the one scheduler, and the three notifications from draft to submission, each step
 * in the audit chain.
 */
@QuarkusTest
@TestSecurity(user = "cora", roles = "coordinator")
class CraReportingTest {

    private static final String EU_MARKET =
            "\"euMarket\": {\"placedOnMarket\": true, \"manufacturerMemberState\": \"DE\"}";
    private static final Duration SEVERAL_SCANS = Duration.ofSeconds(4);

    @Inject RegulatedPrograms programs;

    @Inject TriageDatabase database;

    @Test
    void aProgramThatDoesNotStateTheEuMarketRunsNoCraClock() {
        RegulatedPrograms.Opened silent = programs.openCase("\"cve\": {\"route\": \"none\"}");

        start(silent.caseId(), "actively_exploited", Instant.now())
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://embargo.dev/problems/not-on-eu-market"));
    }

    @Test
    void anActivelyExploitedCaseOwesAnEarlyWarningIn24HoursANotificationIn72AndAFinalReport() {
        RegulatedPrograms.Opened eu = programs.openCase(EU_MARKET);
        Instant aware = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

        start(eu.caseId(), "actively_exploited", aware).then().statusCode(200);

        deadlines(eu.caseId())
                .body(
                        "find { it.step == 'cra_early_warning' }.dueAt",
                        equalTo(aware.plus(Duration.ofHours(24)).toString()))
                .body(
                        "find { it.step == 'cra_notification' }.dueAt",
                        equalTo(aware.plus(Duration.ofHours(72)).toString()))
                // The final report waits for a corrective measure.
                .body("step", not(hasItem("cra_final_report")));

        Instant measure = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        put(
                        eu.caseId(),
                        "/cra/corrective-measure",
                        Map.of(
                                "availableAt",
                                measure.toString(),
                                "description",
                                "Release 2.4.1 fixes it"))
                .then()
                .statusCode(200)
                .body("correctiveMeasure", equalTo("Release 2.4.1 fixes it"));
        deadlines(eu.caseId())
                .body(
                        "find { it.step == 'cra_final_report' }.dueAt",
                        equalTo(measure.plus(Duration.ofDays(14)).toString()));
        // A law's clock is nobody's to extend.
        post(
                        eu.caseId(),
                        "/extensions",
                        Map.of(
                                "step",
                                "cra_early_warning",
                                "by",
                                "2d",
                                "reason",
                                "busy",
                                "reporterAgreed",
                                true))
                .then()
                .statusCode(400);
    }

    @Test
    void correctingTheAwarenessTimeMovesTheClockAndIsAuditedWithItsReason() {
        RegulatedPrograms.Opened eu = programs.openCase(EU_MARKET);
        Instant aware = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        start(eu.caseId(), "actively_exploited", aware).then().statusCode(200);
        start(eu.caseId(), "actively_exploited", aware).then().statusCode(409);

        Instant earlier = aware.minus(Duration.ofHours(5));
        put(
                        eu.caseId(),
                        "/cra/awareness",
                        Map.of(
                                "awareAt",
                                earlier.toString(),
                                "reason",
                                "The CDN logs show the first attack earlier"))
                .then()
                .statusCode(200)
                .body("awareAt", equalTo(earlier.toString()));

        deadlines(eu.caseId())
                .body(
                        "find { it.step == 'cra_early_warning' }.dueAt",
                        equalTo(earlier.plus(Duration.ofHours(24)).toString()));
        get(eu.caseId(), "/audit")
                .then()
                .body("action", hasItem("cra awareness time " + aware + " -> " + earlier))
                .body("detail", hasItem("The CDN logs show the first attack earlier"));
    }

    @Test
    void eachNotificationIsDraftedEditedReviewedAndSubmittedEachStepInTheAuditChain() {
        RegulatedPrograms.Opened eu = programs.openCase(EU_MARKET);
        start(eu.caseId(), "actively_exploited", Instant.now()).then().statusCode(200);

        post(eu.caseId(), "/cra/notifications/early_warning", Map.of())
                .then()
                .statusCode(200)
                .body("notifications[0].kind", equalTo("early_warning"))
                .body("notifications[0].article", equalTo("Art. 14(2)(a)"))
                .body("notifications[0].content.product", equalTo("pea2pea"))
                .body("notifications[0].content.memberStatesConcerned", equalTo(List.of("DE")))
                .body(
                        "notifications[0].content.natureOfVulnerability",
                        equalTo("Use-after-free in handshake"));

        Map<String, Object> edited = new HashMap<>();
        edited.put("product", "pea2pea 2.4");
        edited.put("suspectedMaliciousUse", "Yes: exploited against two operators");
        edited.put("memberStatesConcerned", List.of("DE", "FR"));
        put(eu.caseId(), "/cra/notifications/early_warning", edited).then().statusCode(200);
        submit(eu.caseId(), "early_warning")
                .then()
                .statusCode(409)
                .body(
                        "type",
                        equalTo("https://embargo.dev/problems/cra-notification-not-reviewed"));
        post(eu.caseId(), "/cra/notifications/early_warning/review", Map.of())
                .then()
                .statusCode(200);
        submit(eu.caseId(), "early_warning")
                .then()
                .statusCode(200)
                .body("notifications[0].submittedBy", equalTo("cora"))
                .body("notifications[0].submissionReference", equalTo("SRP-2026-0042"));
        put(eu.caseId(), "/cra/notifications/early_warning", edited).then().statusCode(409);

        deadlines(eu.caseId())
                .body("find { it.step == 'cra_early_warning' }.standing", equalTo("settled"));
        get(eu.caseId(), "/cra/notifications/early_warning/export.json")
                .then()
                .statusCode(200)
                .body("article", equalTo("Art. 14(2)(a)"))
                .body("fields.'Member states concerned'", equalTo("DE, FR"))
                .body(
                        "fields.'Suspected malicious use'",
                        equalTo("Yes: exploited against two operators"))
                .body("submissionReference", equalTo("SRP-2026-0042"));
        get(eu.caseId(), "/cra/notifications/early_warning/export.txt")
                .then()
                .statusCode(200)
                .contentType(ContentType.TEXT)
                .body(containsString("Art. 14(2)(a) — Early warning"))
                .body(containsString("Product concerned: pea2pea 2.4"))
                .body(containsString("Submission reference: SRP-2026-0042"));
        get(eu.caseId(), "/audit")
                .then()
                .body(
                        "action",
                        hasItems(
                                "cra early_warning drafted",
                                "cra early_warning edited",
                                "cra early_warning reviewed",
                                "cra early_warning submitted"));
        get(eu.caseId(), "/audit/verification").then().body("intact", equalTo(true));
    }

    @Test
    void aSevereIncidentsFinalReportIsDueAMonthAfterItsNotification() {
        RegulatedPrograms.Opened eu = programs.openCase(EU_MARKET);
        start(eu.caseId(), "severe_incident", Instant.now()).then().statusCode(200);
        post(eu.caseId(), "/cra/notifications/notification", Map.of())
                .then()
                .body("notifications[0].article", equalTo("Art. 14(4)(b)"));
        post(eu.caseId(), "/cra/notifications/notification/review", Map.of())
                .then()
                .statusCode(200);
        deadlines(eu.caseId()).body("step", not(hasItem("cra_final_report")));

        Instant notified = Instant.parse("2027-01-31T10:00:00Z");
        given().contentType(ContentType.JSON)
                .body(Map.of("reference", "SRP-2027-0001", "submittedAt", notified.toString()))
                .when()
                .post(
                        CaseCalls.CASES
                                + "/"
                                + eu.caseId()
                                + "/cra/notifications/notification/submission")
                .then()
                .statusCode(200);

        deadlines(eu.caseId())
                .body("find { it.step == 'cra_notification' }.standing", equalTo("settled"))
                .body(
                        "find { it.step == 'cra_final_report' }.dueAt",
                        equalTo("2027-02-28T10:00:00Z"));
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void theSchedulerWarnsBeforeTheEarlyWarningIsDueAndBreachesItOnce() {
        RegulatedPrograms.Opened eu = programs.openCase(EU_MARKET);
        Instant aware = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        start(eu.caseId(), "actively_exploited", aware).then().statusCode(200);
        Instant due = aware.plus(Duration.ofHours(24));

        try {
            runClockAheadBy(
                    Duration.between(Instant.now(), due.minus(Duration.ofHours(1)))
                            .truncatedTo(ChronoUnit.SECONDS));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () ->
                                    deadlines(eu.caseId())
                                            .body(
                                                    "find { it.step == 'cra_early_warning'"
                                                            + " }.standing",
                                                    equalTo("warned")));

            runClockAheadBy(
                    Duration.between(Instant.now(), due.plus(Duration.ofHours(1)))
                            .truncatedTo(ChronoUnit.SECONDS));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () ->
                                    deadlines(eu.caseId())
                                            .body(
                                                    "find { it.step == 'cra_early_warning'"
                                                            + " }.standing",
                                                    equalTo("breached")));
            await().during(SEVERAL_SCANS)
                    .atMost(SEVERAL_SCANS.plusSeconds(5))
                    .untilAsserted(
                            () -> {
                                assertThat(announced("deadline.approaching.v2", eu.caseId()))
                                        .isEqualTo(1);
                                assertThat(announced("deadline.breached.v2", eu.caseId()))
                                        .isEqualTo(1);
                            });
        } finally {
            runClockAheadBy(Duration.ZERO);
        }
        given().queryParams(Map.of("overdue", true, "size", 500))
                .when()
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("find { it.id == '%s' }.overdue".formatted(eu.caseId()), equalTo(true));
    }

    private long announced(String eventType, String caseId) {
        return database.outboxPayloads(eventType, caseId).stream()
                .filter(payload -> payload.contains("\"cra_early_warning\""))
                .count();
    }

    private static io.restassured.response.Response start(
            String caseId, String trigger, Instant aware) {
        return post(
                caseId,
                "/cra",
                Map.of(
                        "trigger",
                        trigger,
                        "awareAt",
                        aware.toString(),
                        "reason",
                        "Exploitation reported by a CSIRT"));
    }

    private static io.restassured.response.Response submit(String caseId, String kind) {
        return post(
                caseId,
                "/cra/notifications/" + kind + "/submission",
                Map.of("reference", "SRP-2026-0042"));
    }

    private static io.restassured.response.ValidatableResponse deadlines(String caseId) {
        return get(caseId, "/deadlines").then().statusCode(200);
    }

    private static void runClockAheadBy(Duration offset) {
        given().contentType(ContentType.JSON)
                .body(Map.of("offset", offset.toString()))
                .when()
                .put("/api/v1/clock")
                .then()
                .statusCode(200);
    }
}
