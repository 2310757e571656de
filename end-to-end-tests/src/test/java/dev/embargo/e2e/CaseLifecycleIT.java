package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.LifecycleEvents.LifecycleEvent;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Staff move cases through their lifecycle; every move is an event and an audit line, illegal moves a 409. */
@ExtendWith(EmbargoStack.class)
class CaseLifecycleIT {

    private RunningStack stack;
    private String triager;
    private String caseId;
    private SubmittedReport report;

    @BeforeEach
    void anAcknowledgedCase(RunningStack runningStack) {
        stack = runningStack;
        triager = stack.staffTokens().of("triager");
        report = stack.reporter().submit("moqtail", "Regex backtracking in selector parser",
                "lifecycle-" + UUID.randomUUID() + "@example.org");
        caseId = await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(triager).queryParam("size", 500)
                .when().get(cases()).then().statusCode(200).extract().jsonPath()
                .getString("find { it.trackingId == '%s' }.id".formatted(report.trackingId())), id -> id != null);
    }

    @Test
    void aCaseMovesThroughTriageAndEachMoveIsAnEventAndAnAuditLine() {
        move("triaging", "Reproducing with the PoC").then().statusCode(200).body("state", equalTo("triaging"))
                .body("allowedTransitions", hasItems("accepted", "needs_info", "duplicate"));
        move("accepted", "Confirmed: O(n^2) path expansion").then().statusCode(200).body("state", equalTo("accepted"));

        given().auth().oauth2(triager).when().get(cases() + "/" + caseId + "/audit").then().statusCode(200)
                .body("action", contains("opened under program moqtail revision 1, acknowledged",
                        "state acknowledged -> triaging", "state triaging -> accepted"))
                .body("[2].actor", equalTo("triager"))
                .body("[2].detail", equalTo("Confirmed: O(n^2) path expansion"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<LifecycleEvent> moves = stack.lifecycleEvents().readAll().stream()
                    .filter(event -> "case.state.changed.v1".equals(event.type()))
                    .filter(event -> event.data().contains(caseId)).toList();
            assertThat(moves).hasSize(2).allSatisfy(event -> {
                assertThat(event.source()).isEqualTo("/embargo/triage");
                // The reason is staff's words about the vulnerability: sealed on Kafka.
                assertThat(event.data()).doesNotContain("PoC", "O(n^2)");
            });
        });
    }

    @Test
    void theReporterFollowsTheCaseButNeverSeesItCalledSpam() {
        move("triaging", null).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> stack.reporter()
                .status(report.trackingId(), report.reporterToken()).then().statusCode(200).body("status", equalTo("triaging")));
        move("spam", "Generated text, no vulnerability").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> stack.reporter()
                .status(report.trackingId(), report.reporterToken()).then().statusCode(200).body("status", equalTo("closed")));
    }

    @Test
    void aReportThatLooksLikeSpamShowsWhyAndStaffCanFilterForIt() {
        SubmittedReport spammy = stack.reporter().submit("moqtail", "BEST CASINO BONUS HERE", "cheap backlinks",
                "spammy-" + UUID.randomUUID() + "@example.org", null);
        String spamCase = await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(triager)
                .queryParams(Map.of("program", "moqtail", "size", 500)).when().get(cases()).then().statusCode(200)
                .extract().jsonPath().getString("find { it.trackingId == '%s' }.id".formatted(spammy.trackingId())), id -> id != null);
        given().auth().oauth2(triager).when().get(cases() + "/" + spamCase).then().statusCode(200)
                .body("spamSignals", hasItems("almost no description", "advertising words", "title in capitals"))
                // Signals, not a verdict: the case waits for staff like any other.
                .body("state", equalTo("acknowledged"));
        given().auth().oauth2(triager).when().get(cases() + "/" + caseId).then().body("spamSignals.size()", equalTo(0));
        given().auth().oauth2(triager).queryParams(Map.of("spamSuspected", true, "size", 500)).when().get(cases()).then()
                .statusCode(200).body("id", hasItems(spamCase)).body("id", org.hamcrest.Matchers.not(hasItems(caseId)));
    }

        @Test
    void anIllegalMoveIsAConflictThatNamesTheAllowedOnes() {
        Map<String, Object> problem = move("published", null).then().statusCode(409)
                .contentType("application/problem+json").extract().jsonPath().getMap("");
        assertThat(problem.get("detail").toString()).contains("acknowledged", "triaging", "duplicate", "spam");
        given().auth().oauth2(triager).when().get(cases() + "/" + caseId).then().statusCode(200)
                .body("state", equalTo("acknowledged"));
    }

    @Test
    void anUnknownStateOrCaseIsRefusedWithAProblem() {
        move("pending", null).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(triager).contentType(ContentType.JSON).body(Map.of("to", "triaging"))
                .when().post(cases() + "/" + UUID.randomUUID() + "/transitions").then().statusCode(404);
        given().auth().oauth2(triager).contentType(ContentType.JSON).body(Map.of("to", "triaging"))
                .when().post(cases() + "/not-a-uuid/transitions").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyCaseWorkersMoveCases() {
        given().auth().oauth2(stack.staffTokens().of("publisher")).contentType(ContentType.JSON).body(Map.of("to", "triaging"))
                .when().post(cases() + "/" + caseId + "/transitions").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("to", "triaging"))
                .when().post(cases() + "/" + caseId + "/transitions").then().statusCode(401);
    }

    @Test
    void scoringACaseMapsTheCvssScoreToTheProgramsLevelAndMovesTheFixDate() {
        // moqtail: CVSS bands, fix within a 7-30 day window whatever the severity; post-mortem for every severity.
        given().auth().oauth2(triager).contentType(ContentType.JSON)
                .body(Map.of("cvssVector", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"))
                .when().put(cases() + "/" + caseId + "/severity")
                .then().statusCode(200).body("severity", equalTo("critical")).body("cvssScore", equalTo(9.3f))
                // Seed 004 asks for the CIA impact: read from the vector's vulnerable-system metrics.
                .body("ciaImpact.confidentiality", equalTo("high")).body("ciaImpact.availability", equalTo("high"));
        given().auth().oauth2(triager).contentType(ContentType.JSON).body(Map.of("level", "medium"))
                .when().put(cases() + "/" + caseId + "/severity").then().statusCode(200).body("severity", equalTo("medium"));
        given().auth().oauth2(triager).contentType(ContentType.JSON).body(Map.of("cvssVector", "CVSS:3.1/AV:N/AC:Q"))
                .when().put(cases() + "/" + caseId + "/severity").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("cvssVector"));
        given().auth().oauth2(triager).contentType(ContentType.JSON).body(Map.of("level", "catastrophic"))
                .when().put(cases() + "/" + caseId + "/severity").then().statusCode(400);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(stack.lifecycleEvents().readAll().stream()
                .filter(event -> "case.severity.changed.v2".equals(event.type()))
                .filter(event -> event.data().contains(caseId))).hasSize(2));
    }

    @Test
    void staffStateTheCiaImpactWhenThereIsNoVector() {
        given().auth().oauth2(triager).contentType(ContentType.JSON).body(Map.of("level", "medium",
                        "ciaImpact", Map.of("confidentiality", "low", "integrity", "none", "availability", "high")))
                .when().put(cases() + "/" + caseId + "/severity").then().statusCode(200)
                .body("ciaImpact.confidentiality", equalTo("low")).body("ciaImpact.integrity", equalTo("none"));
        given().auth().oauth2(triager).contentType(ContentType.JSON).body(Map.of("level", "medium",
                        "ciaImpact", Map.of("confidentiality", "total", "integrity", "none", "availability", "high")))
                .when().put(cases() + "/" + caseId + "/severity").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theScopeIsDecidedAmongTheProgramsClassesAndVersionsAreCheckedAgainstItsSupportTable() {
        // moqtail: main and v0.1.x get security fixes, everything else does not.
        given().auth().oauth2(triager).contentType(ContentType.JSON).body(Map.of("scopeClass", "memory-safety",
                        "affectedVersions", List.of("main", "v0.1.2", "v0.0.9"), "fixedVersions", List.of("v0.1.3")))
                .when().put(cases() + "/" + caseId + "/scope").then().statusCode(200)
                .body("scopeClass", equalTo("memory-safety")).body("inScope", equalTo(true))
                .body("versions.find { it.version == 'v0.1.2' }.support", equalTo("SUPPORTED"))
                .body("versions.find { it.version == 'v0.0.9' }.support", equalTo("UNSUPPORTED"))
                .body("versions.find { it.role == 'fixed' }.version", equalTo("v0.1.3"))
                .body("versionSupport", equalTo("supported"));

        given().auth().oauth2(triager).contentType(ContentType.JSON).body(Map.of("scopeClass", "memory-leaks"))
                .when().put(cases() + "/" + caseId + "/scope").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("scopeClass"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("denial-of-service"));

        // Decided out of scope: the case cannot be accepted, only closed as out of scope.
        given().auth().oauth2(triager).contentType(ContentType.JSON).body(Map.of("scopeClass", "hardware"))
                .when().put(cases() + "/" + caseId + "/scope").then().statusCode(200).body("inScope", equalTo(false));
        move("triaging", null).then().statusCode(200);
        move("accepted", null).then().statusCode(409).body("errors[0].message", equalTo("allowed: [out_of_scope]"));
        move("out_of_scope", "Hardware is out of scope").then().statusCode(200);
        given().auth().oauth2(triager).when().get(cases() + "/" + caseId + "/audit").then().statusCode(200)
                .body("action", hasItems("scope hardware (out of scope)"));
    }

    @Test
    void raisingTheSeverityOfANamedLevelProgramBringsTheFixDateForward() {
        SubmittedReport emekReport = stack.reporter().submit("emek", "Reputation manipulation via forged peers",
                "severity-" + UUID.randomUUID() + "@example.org");
        String emekCase = await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(triager)
                .queryParam("size", 500).when().get(cases()).then().statusCode(200).extract().jsonPath()
                .getString("find { it.trackingId == '%s' }.id".formatted(emekReport.trackingId())), id -> id != null);
        String fixWhenHigh = given().auth().oauth2(triager).contentType(ContentType.JSON).body(Map.of("level", "high"))
                .when().put(cases() + "/" + emekCase + "/severity").then().statusCode(200)
                .extract().path("deadlines.find { it.step == 'fix' }.dueAt");
        String fixWhenCritical = given().auth().oauth2(triager).contentType(ContentType.JSON).body(Map.of("level", "critical"))
                .when().put(cases() + "/" + emekCase + "/severity").then().statusCode(200)
                .extract().path("deadlines.find { it.step == 'fix' }.dueAt");
        // emek: high within 1 week, critical within 24 hours of the report's arrival.
        assertThat(java.time.Duration.between(java.time.Instant.parse(fixWhenCritical), java.time.Instant.parse(fixWhenHigh)))
                .isEqualTo(java.time.Duration.ofDays(6));
        // A named-only scheme cannot map a score: staff must name the level.
        given().auth().oauth2(triager).contentType(ContentType.JSON)
                .body(Map.of("cvssVector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"))
                .when().put(cases() + "/" + emekCase + "/severity").then().statusCode(400).body("errors[0].field", equalTo("level"));
    }

    @Test
    void theAuditChainVerifiesAndShowsWhereItWasTamperedWith() throws java.sql.SQLException {
        move("triaging", null).then().statusCode(200);
        move("accepted", "Reproduced").then().statusCode(200);
        String verification = cases() + "/" + caseId + "/audit/verification";
        given().auth().oauth2(triager).when().get(verification).then().statusCode(200)
                .body("intact", equalTo(true)).body("lines", equalTo(3));

        try (java.sql.Connection db = stack.database("triage");
             java.sql.Statement sql = db.createStatement()) {
            // The service's own role cannot rewrite history...
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> sql.executeUpdate(
                    "UPDATE case_audit SET actor = 'mallory' WHERE case_id = '" + caseId + "' AND position = 1")))
                    .hasMessageContaining("append-only");
            // ...and whoever gets around the trigger is caught by the chain.
            sql.execute("ALTER TABLE case_audit DISABLE TRIGGER case_audit_append_only");
            sql.executeUpdate("UPDATE case_audit SET actor = 'mallory' WHERE case_id = '" + caseId + "' AND position = 1");
            sql.execute("ALTER TABLE case_audit ENABLE TRIGGER case_audit_append_only");
        }
        given().auth().oauth2(triager).when().get(verification).then().statusCode(200)
                .body("intact", equalTo(false)).body("firstBrokenLine", equalTo(1));
    }

    @Test
    void theQueueFiltersByProgramStateSeverityAndOwner() {
        move("triaging", null).then().statusCode(200);
        given().auth().oauth2(triager).contentType(ContentType.JSON).body(Map.of("owner", "coordinator"))
                .when().put(cases() + "/" + caseId + "/owner").then().statusCode(200).body("owner", equalTo("coordinator"));
        given().auth().oauth2(triager).contentType(ContentType.JSON).body(Map.of("level", "high"))
                .when().put(cases() + "/" + caseId + "/severity").then().statusCode(200);

        given().auth().oauth2(triager)
                .queryParams(Map.of("program", "moqtail", "state", "triaging", "severity", "high", "owner", "coordinator"))
                .when().get(cases()).then().statusCode(200)
                .body("id", hasItems(caseId))
                .body("findAll { it.program != 'moqtail' || it.state != 'triaging' || it.owner != 'coordinator' }.size()",
                        equalTo(0));
        given().auth().oauth2(triager).queryParams(Map.of("program", "emek", "owner", "coordinator"))
                .when().get(cases()).then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(hasItems(caseId)));
        given().auth().oauth2(triager).queryParam("state", "limbo").when().get(cases())
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("state"));
        given().auth().oauth2(triager).when().get(cases() + "/" + caseId + "/audit").then().statusCode(200)
                .body("action", hasItems("owner none -> coordinator"));
    }

    @Test
    void prometheusShowsTimeToAcknowledgeAndTriageDeadlinesMetAndOpenCasesPerState() {
        move("triaging", null).then().statusCode(200);
        move("accepted", null).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = given().when().get(stack.serviceUrl("triage") + "/q/metrics").then().statusCode(200)
                    .extract().asString();
            assertThat(metrics).contains("embargo_case_time_to_acknowledge_seconds_count{program=\"moqtail\"")
                    .contains("embargo_case_time_to_triage_seconds_count{program=\"moqtail\"")
                    .containsPattern("embargo_deadline_outcome_total\\{outcome=\"met\",program=\"moqtail\",step=\"acknowledgement\"}")
                    .containsPattern("embargo_deadline_outcome_total\\{outcome=\"met\",program=\"moqtail\",step=\"triage\"}")
                    .containsPattern("embargo_cases\\{state=\"accepted\"} [1-9]");
        });
    }

    @Test
    void coordinatorsExtendWithTheReportersAgreementOrExpediteAndTheReporterSeesTheNewDates() {
        SubmittedReport partnerReport = stack.reporter().submit("oxpulse-partner-edge", "TURN credential reuse",
                "extension-" + UUID.randomUUID() + "@example.org");
        String partnerCase = await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(triager)
                .queryParam("size", 500).when().get(cases()).then().statusCode(200).extract().jsonPath()
                .getString("find { it.trackingId == '%s' }.id".formatted(partnerReport.trackingId())), id -> id != null);
        String coordinator = stack.staffTokens().of("coordinator");
        String disclosure = "deadlines.find { it.step == 'disclosure' }.dueAt";
        java.time.Instant promised = java.time.Instant.parse(given().auth().oauth2(triager)
                .when().get(cases() + "/" + partnerCase).then().extract().path(disclosure));

        Map<String, Object> extension = new java.util.HashMap<>(Map.of("step", "disclosure", "by", "30d",
                "reason", "Fix needs a protocol change across partner nodes", "reporterAgreed", false));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(extension)
                .when().post(cases() + "/" + partnerCase + "/extensions").then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(triager).contentType(ContentType.JSON).body(extension)
                .when().post(cases() + "/" + partnerCase + "/extensions").then().statusCode(403);
        extension.put("reporterAgreed", true);
        String extended = given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(extension)
                .when().post(cases() + "/" + partnerCase + "/extensions").then().statusCode(200).extract().path(disclosure);
        assertThat(java.time.Instant.parse(extended)).isEqualTo(promised.plus(java.time.Duration.ofDays(30)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> stack.reporter()
                .status(partnerReport.trackingId(), partnerReport.reporterToken()).then().statusCode(200)
                .body(disclosure, equalTo(extended)));

        // Actively exploited: seed 001's "days, not weeks" — disclosure 7 days after arrival, then the agreed 30 days.
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(Map.of("reason", "Exploited against partner nodes"))
                .when().post(cases() + "/" + partnerCase + "/expedite").then().statusCode(200)
                .body("expedited", equalTo(true))
                .body(disclosure, equalTo(promised.minus(java.time.Duration.ofDays(90 - 7 - 30)).toString()));
    }

    private io.restassured.response.Response move(String to, String reason) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("to", to);
        if (reason != null) {
            body.put("reason", reason);
        }
        return given().auth().oauth2(triager).contentType(ContentType.JSON).body(body)
                .when().post(cases() + "/" + caseId + "/transitions");
    }

    private String cases() {
        return stack.serviceUrl("triage") + "/api/v1/cases";
    }
}
