package dev.embargo.triage.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.embargo.triage.IntakeEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Who may call what: every case operation by role (an allowed caller reaches the case lookup, 404
 * for a case that does not exist; another staff role 403; no one signed in 401), and program groups
 * that hide other programs' cases as if they did not exist.
 */
@QuarkusTest
class CaseAccessTest {

    private static final List<String> CASE_WORKERS = List.of("triager", "coordinator", "admin");
    private static final List<String> COORDINATORS = List.of("coordinator", "admin");
    private static final String NO_CASE = "/api/v1/cases/" + UUID.randomUUID();

    /**
     * Every staff operation of triage but the programs' (ProgramResourceTest): who may call it, and
     * what they get.
     */
    private static final List<Operation> OPERATIONS =
            List.of(
                    new Operation("GET", "/api/v1/cases", null, CASE_WORKERS, 200),
                    new Operation("GET", NO_CASE, null, CASE_WORKERS, 404),
                    new Operation(
                            "PUT", NO_CASE + "/owner", Map.of("owner", "tess"), CASE_WORKERS, 404),
                    new Operation(
                            "POST",
                            NO_CASE + "/transitions",
                            Map.of("to", "triaging"),
                            CASE_WORKERS,
                            404),
                    new Operation(
                            "PUT",
                            NO_CASE + "/severity",
                            Map.of("level", "high"),
                            CASE_WORKERS,
                            404),
                    new Operation(
                            "PUT",
                            NO_CASE + "/ssvc",
                            Map.of("decisionPoints", SsvcDecisionTest.ACTIVELY_EXPLOITED),
                            CASE_WORKERS,
                            404),
                    new Operation("GET", "/api/v1/ssvc/tables", null, CASE_WORKERS, 200),
                    new Operation("GET", NO_CASE + "/report", null, CASE_WORKERS, 404),
                    new Operation("GET", NO_CASE + "/audit", null, CASE_WORKERS, 404),
                    new Operation("GET", NO_CASE + "/audit/verification", null, CASE_WORKERS, 404),
                    new Operation("GET", NO_CASE + "/deadlines", null, CASE_WORKERS, 404),
                    new Operation(
                            "PUT",
                            NO_CASE + "/scope",
                            Map.of("scopeClass", "memory-safety"),
                            CASE_WORKERS,
                            404),
                    new Operation("GET", NO_CASE + "/similar", null, CASE_WORKERS, 404),
                    new Operation("GET", NO_CASE + "/reporters", null, CASE_WORKERS, 404),
                    new Operation("GET", NO_CASE + "/notes", null, CASE_WORKERS, 404),
                    new Operation(
                            "POST",
                            NO_CASE + "/notes",
                            Map.of("text", "internal"),
                            CASE_WORKERS,
                            404),
                    new Operation("GET", NO_CASE + "/messages", null, CASE_WORKERS, 404),
                    new Operation(
                            "POST",
                            NO_CASE + "/messages",
                            Map.of("text", "hello"),
                            CASE_WORKERS,
                            404),
                    new Operation(
                            "POST",
                            NO_CASE + "/expedite",
                            Map.of("reason", "exploited"),
                            COORDINATORS,
                            404),
                    new Operation(
                            "POST",
                            NO_CASE + "/extensions",
                            Map.of(
                                    "step",
                                    "disclosure",
                                    "by",
                                    "7d",
                                    "reason",
                                    "complex",
                                    "reporterAgreed",
                                    true),
                            COORDINATORS,
                            404),
                    new Operation("GET", NO_CASE + "/cve", null, CASE_WORKERS, 404),
                    new Operation("POST", NO_CASE + "/cve/assign", Map.of(), COORDINATORS, 404),
                    new Operation(
                            "POST",
                            NO_CASE + "/cve/request",
                            Map.of("from", "MITRE"),
                            COORDINATORS,
                            404),
                    new Operation(
                            "PUT",
                            NO_CASE + "/cve",
                            Map.of("cveId", "CVE-1900-0001"),
                            COORDINATORS,
                            404),
                    new Operation(
                            "POST",
                            NO_CASE + "/cve/reject",
                            Map.of("reason", "duplicate"),
                            COORDINATORS,
                            404),
                    new Operation("GET", NO_CASE + "/cra", null, CASE_WORKERS, 404),
                    new Operation(
                            "POST",
                            NO_CASE + "/cra",
                            Map.of(
                                    "trigger",
                                    "actively_exploited",
                                    "awareAt",
                                    "2026-12-07T10:00:00Z",
                                    "reason",
                                    "CSIRT"),
                            COORDINATORS,
                            404),
                    new Operation(
                            "PUT",
                            NO_CASE + "/cra/awareness",
                            Map.of("awareAt", "2026-12-07T10:00:00Z", "reason", "logs"),
                            COORDINATORS,
                            404),
                    new Operation(
                            "PUT",
                            NO_CASE + "/cra/corrective-measure",
                            Map.of("availableAt", "2026-12-07T10:00:00Z", "description", "2.4.1"),
                            COORDINATORS,
                            404),
                    new Operation(
                            "POST",
                            NO_CASE + "/cra/notifications/early_warning",
                            null,
                            COORDINATORS,
                            404),
                    new Operation(
                            "PUT",
                            NO_CASE + "/cra/notifications/early_warning",
                            Map.of("product", "p"),
                            COORDINATORS,
                            404),
                    new Operation(
                            "POST",
                            NO_CASE + "/cra/notifications/early_warning/review",
                            null,
                            COORDINATORS,
                            404),
                    new Operation(
                            "POST",
                            NO_CASE + "/cra/notifications/early_warning/submission",
                            Map.of("reference", "SRP-1"),
                            COORDINATORS,
                            404),
                    new Operation(
                            "GET",
                            NO_CASE + "/cra/notifications/early_warning/export.json",
                            null,
                            CASE_WORKERS,
                            404),
                    new Operation(
                            "GET", "/api/v1/programs/moqtail/cve-ids", null, COORDINATORS, 200),
                    new Operation(
                            "POST",
                            "/api/v1/programs/moqtail/cve-ids/CVE-1900-0001/reject",
                            Map.of("reason", "unused"),
                            COORDINATORS,
                            404),
                    new Operation("GET", "/api/v1/clock", null, List.of("admin"), 200),
                    new Operation(
                            "POST",
                            "/api/v1/cvss/scores",
                            Map.of("vector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
                            List.of("triager", "coordinator", "publisher", "admin"),
                            200));

    @Inject IntakeEvents intake;

    @Test
    void noOneSignedInIsAskedToSignInEverywhere() {
        everyOperationAnswers(null);
    }

    @Test
    @TestSecurity(user = "tess", roles = "triager")
    void aTriagerWorksCasesButNeitherExpeditesNorExtendsNorMovesTheClock() {
        everyOperationAnswers("triager");
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void aCoordinatorWorksCasesAndAdjustsTheirDeadlinesButDoesNotMoveTheClock() {
        everyOperationAnswers("coordinator");
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void anAdminMayDoEverything() {
        everyOperationAnswers("admin");
    }

    @Test
    @TestSecurity(user = "pat", roles = "publisher")
    void aPublisherScoresVectorsButDoesNotWorkCases() {
        everyOperationAnswers("publisher");
    }

    @Test
    @TestSecurity(user = "vic", roles = "visitor")
    void aSignedInUserWithoutAStaffRoleIsForbiddenEverything() {
        everyOperationAnswers("visitor");
    }

    @Test
    @TestSecurity(user = "pia", roles = "triager")
    @OidcSecurity(
            claims =
                    @Claim(
                            key = "groups",
                            value = "[\"/programs/emek\"]",
                            type = ClaimType.JSON_ARRAY))
    void staffOfOneProgramSeeItsCasesAndTheOthersAsIfTheyDidNotExist() {
        String moqtailCase = intake.openCase();
        String emekCase =
                intake.openCase("emek", "Forged peer reputation", "Peers can inflate their score.");

        given().queryParam("size", 500)
                .when()
                .get(CaseCalls.CASES)
                .then()
                .statusCode(200)
                .body("id", hasItem(emekCase))
                .body("id", not(hasItem(moqtailCase)))
                .body("findAll { it.program != 'emek' }.size()", equalTo(0));
        CaseCalls.get(emekCase, "").then().statusCode(200);
        for (String path :
                List.of(
                        "",
                        "/report",
                        "/audit",
                        "/audit/verification",
                        "/deadlines",
                        "/notes",
                        "/messages",
                        "/similar",
                        "/reporters")) {
            CaseCalls.get(moqtailCase, path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("No case " + moqtailCase + "."));
        }
        CaseCalls.move(moqtailCase, "triaging").then().statusCode(404);
        CaseCalls.post(moqtailCase, "/notes", Map.of("text", "peek")).then().statusCode(404);
        CaseCalls.put(
                        moqtailCase,
                        "/ssvc",
                        Map.of("decisionPoints", SsvcDecisionTest.ACTIVELY_EXPLOITED))
                .then()
                .statusCode(404);
        CaseCalls.put(
                        emekCase,
                        "/ssvc",
                        Map.of("decisionPoints", SsvcDecisionTest.ACTIVELY_EXPLOITED))
                .then()
                .statusCode(200);
        // Nor can a case of their program be marked a duplicate of one they cannot see.
        CaseCalls.post(
                        emekCase,
                        "/transitions",
                        Map.of("to", "duplicate", "duplicateOf", moqtailCase))
                .then()
                .statusCode(422);
    }

    private static void everyOperationAnswers(String role) {
        SoftAssertions softly = new SoftAssertions();
        for (Operation operation : OPERATIONS) {
            int expected =
                    role == null
                            ? 401
                            : operation.allowed().contains(role) ? operation.allowedGets() : 403;
            io.restassured.response.Response answer = operation.call();
            String call = "%s %s as %s".formatted(operation.method(), operation.path(), role);
            softly.assertThat(answer.statusCode()).as(call).isEqualTo(expected);
            if (expected != 200) {
                softly.assertThat(answer.contentType())
                        .as(call)
                        .startsWith("application/problem+json");
            }
        }
        softly.assertAll();
    }

    /**
     * A staff operation, the roles allowed to call it, and the status an allowed caller gets with
     * the body given.
     */
    private record Operation(
            String method, String path, Object body, List<String> allowed, int allowedGets) {

        io.restassured.response.Response call() {
            RequestSpecification request = given();
            if (body != null) {
                request.contentType(ContentType.JSON).body(body);
            }
            return request.when().request(method, path);
        }
    }
}
