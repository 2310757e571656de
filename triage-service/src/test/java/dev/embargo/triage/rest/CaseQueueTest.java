package dev.embargo.triage.rest;

import static dev.embargo.triage.rest.CaseCalls.get;
import static dev.embargo.triage.rest.CaseCalls.move;
import static dev.embargo.triage.rest.CaseCalls.put;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import dev.embargo.triage.IntakeEvents;
import dev.embargo.triage.TriageDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The case queue: its filters, the spam signals it shows, and the likely duplicates it suggests.
 */
@QuarkusTest
@TestSecurity(user = "tess", roles = "triager")
class CaseQueueTest {

    @Inject IntakeEvents intake;

    @Inject TriageDatabase database;

    @Test
    void theQueueFiltersByProgramStateSeverityAndOwner() {
        String caseId = intake.openCase();
        move(caseId, "triaging").then().statusCode(200);
        put(caseId, "/owner", Map.of("owner", "coordinator"))
                .then()
                .statusCode(200)
                .body("owner", equalTo("coordinator"));
        put(caseId, "/severity", Map.of("level", "high")).then().statusCode(200);

        given().queryParams(
                        Map.of(
                                "program",
                                "moqtail",
                                "state",
                                "triaging",
                                "severity",
                                "high",
                                "owner",
                                "coordinator"))
                .when()
                .get(CaseCalls.CASES)
                .then()
                .statusCode(200)
                .body("id", hasItem(caseId))
                .body(
                        "findAll { it.program != 'moqtail' || it.state != 'triaging' || it.owner !="
                                + " 'coordinator' }.size()",
                        equalTo(0));
        given().queryParams(Map.of("program", "emek", "owner", "coordinator"))
                .when()
                .get(CaseCalls.CASES)
                .then()
                .statusCode(200)
                .body("id", not(hasItem(caseId)));
        given().queryParam("state", "limbo")
                .when()
                .get(CaseCalls.CASES)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("state"));
        given().queryParam("size", 501)
                .when()
                .get(CaseCalls.CASES)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        get(caseId, "/audit").then().body("action", hasItems("owner none -> coordinator"));
        put(caseId, "/owner", Map.of("owner", " "))
                .then()
                .statusCode(200)
                .body("owner", equalTo(null));
    }

    @Test
    void aReportThatLooksLikeSpamShowsWhyAndStaffCanFilterForIt() {
        String spamCase = intake.openCase("moqtail", "BEST CASINO BONUS HERE", "cheap backlinks");
        String caseId = intake.openCase();
        get(spamCase, "")
                .then()
                .statusCode(200)
                .body(
                        "spamSignals",
                        hasItems("almost no description", "advertising words", "title in capitals"))
                // Signals, not a verdict: the case waits for staff like any other.
                .body("state", equalTo("acknowledged"));
        get(caseId, "").then().body("spamSignals.size()", equalTo(0));
        given().queryParams(Map.of("spamSuspected", true, "size", 500))
                .when()
                .get(CaseCalls.CASES)
                .then()
                .statusCode(200)
                .body("id", hasItem(spamCase))
                .body("id", not(hasItem(caseId)));
    }

    @Test
    void aReportOfTheSameVulnerabilityIsSuggestedAndAnUnrelatedOneIsNot() {
        String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String first =
                intake.openCase(
                        "moqtail",
                        "Regex backtracking in selector parser " + marker,
                        "A crafted topic selector with nested wildcards makes the regex engine"
                                + " backtrack; the broker hangs.");
        String second =
                intake.openCase(
                        "moqtail",
                        "Selector regex backtracking hangs broker " + marker,
                        "Nested wildcards in a topic selector cause catastrophic regex backtracking"
                                + " and the broker hangs.");
        String unrelated =
                intake.openCase(
                        "moqtail",
                        "Stored XSS in admin dashboard",
                        "The display name field of the admin dashboard renders script tags"
                                + " unescaped.");

        get(second, "/similar")
                .then()
                .statusCode(200)
                .body("id", hasItem(first))
                .body("id", not(hasItem(unrelated)))
                .body("find { it.id == '%s' }.similarity".formatted(first), greaterThan(0.3f))
                .body(
                        "find { it.id == '%s' }.title".formatted(first),
                        equalTo("Regex backtracking in selector parser " + marker));
        // The fingerprint the database keeps holds no word of the report.
        assertThat(database.fingerprintOf(second))
                .matches("\\{-?[0-9]+(,-?[0-9]+)*}")
                .doesNotContain("regex", marker);
    }
}
