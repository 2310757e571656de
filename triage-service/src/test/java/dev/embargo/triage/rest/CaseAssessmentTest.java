package dev.embargo.triage.rest;

import static dev.embargo.triage.rest.CaseCalls.get;
import static dev.embargo.triage.rest.CaseCalls.put;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.embargo.triage.IntakeEvents;
import dev.embargo.triage.TriageDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scoring and scoping a case under its program's policy, and the dates that follow. */
@QuarkusTest
@TestSecurity(user = "tess", roles = "triager")
class CaseAssessmentTest {

    @Inject IntakeEvents intake;

    @Inject TriageDatabase database;

    @Test
    void aCvssScoreIsMappedToTheProgramsLevelAndItsImpactReadFromTheVector() {
        String caseId = intake.openCase();
        put(
                        caseId,
                        "/severity",
                        Map.of(
                                "cvssVector",
                                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"))
                .then()
                .statusCode(200)
                .body("severity", equalTo("critical"))
                .body("cvssScore", equalTo(9.3f))
                .body("ciaImpact.confidentiality", equalTo("high"))
                .body("ciaImpact.availability", equalTo("high"));
        put(caseId, "/severity", Map.of("level", "medium"))
                .then()
                .statusCode(200)
                .body("severity", equalTo("medium"));
        assertThat(database.outboxEvents("case.severity.changed.v2", caseId)).isEqualTo(2);
        get(caseId, "/audit")
                .then()
                .body(
                        "action",
                        hasItems(
                                "severity critical (CVSS 9.3"
                                    + " CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N),"
                                    + " impact C:high I:high A:high"));
    }

    @Test
    void anInvalidVectorAnUnknownLevelOrNeitherIsABadRequestNamingTheField() {
        String caseId = intake.openCase();
        put(caseId, "/severity", Map.of("cvssVector", "CVSS:3.1/AV:N/AC:Q"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("cvssVector"));
        put(caseId, "/severity", Map.of("level", "catastrophic"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("level"))
                .body("errors[0].message", containsString("catastrophic"));
        put(caseId, "/severity", Map.of())
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cvssVector"));
        assertThat(database.outboxEvents("case.severity.changed.v2", caseId)).isZero();
    }

    @Test
    void staffStateTheCiaImpactWhenThereIsNoVector() {
        String caseId = intake.openCase();
        put(
                        caseId,
                        "/severity",
                        Map.of(
                                "level",
                                "medium",
                                "ciaImpact",
                                Map.of(
                                        "confidentiality",
                                        "low",
                                        "integrity",
                                        "none",
                                        "availability",
                                        "high")))
                .then()
                .statusCode(200)
                .body("ciaImpact.confidentiality", equalTo("low"))
                .body("ciaImpact.integrity", equalTo("none"));
        put(
                        caseId,
                        "/severity",
                        Map.of(
                                "level",
                                "medium",
                                "ciaImpact",
                                Map.of(
                                        "confidentiality",
                                        "total",
                                        "integrity",
                                        "none",
                                        "availability",
                                        "high")))
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void raisingTheSeverityOfANamedLevelProgramBringsTheFixDateForward() {
        String caseId =
                intake.openCase(
                        "emek",
                        "Reputation manipulation via forged peers",
                        "Peers inflate their score.");
        put(caseId, "/severity", Map.of("level", "high")).then().statusCode(200);
        Instant fixWhenHigh = fixDue(caseId);
        put(caseId, "/severity", Map.of("level", "critical")).then().statusCode(200);
        // emek: high within 1 week, critical within 24 hours of the report's arrival.
        assertThat(Duration.between(fixDue(caseId), fixWhenHigh)).isEqualTo(Duration.ofDays(6));
        // A named-only scheme cannot map a score: staff must name the level.
        put(
                        caseId,
                        "/severity",
                        Map.of("cvssVector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("level"));
    }

    @Test
    void theScopeIsDecidedAmongTheProgramsClassesAndVersionsAreCheckedAgainstItsSupportTable() {
        String caseId = intake.openCase();
        // moqtail: main and v0.1.x get security fixes, everything else does not.
        put(
                        caseId,
                        "/scope",
                        Map.of(
                                "scopeClass",
                                "memory-safety",
                                "affectedVersions",
                                List.of("main", "v0.1.2", "v0.0.9"),
                                "fixedVersions",
                                List.of("v0.1.3")))
                .then()
                .statusCode(200)
                .body("scopeClass", equalTo("memory-safety"))
                .body("inScope", equalTo(true))
                .body("versions.find { it.version == 'v0.1.2' }.support", equalTo("SUPPORTED"))
                .body("versions.find { it.version == 'v0.0.9' }.support", equalTo("UNSUPPORTED"))
                .body("versions.find { it.role == 'fixed' }.version", equalTo("v0.1.3"))
                .body("versionSupport", equalTo("supported"));
        put(caseId, "/scope", Map.of("scopeClass", "memory-leaks"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("scopeClass"))
                .body("errors[0].message", containsString("denial-of-service"));
        put(
                        caseId,
                        "/scope",
                        Map.of(
                                "scopeClass",
                                "memory-safety",
                                "affectedVersions",
                                List.of("1.0; DROP TABLE")))
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        put(caseId, "/scope", Map.of("scopeClass", "hardware"))
                .then()
                .statusCode(200)
                .body("inScope", equalTo(false));
        get(caseId, "/audit").then().body("action", hasItems("scope hardware (out of scope)"));
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void aPolicyThatWantsTheReportersAgreementRefusesAnExtensionWithoutIt() {
        String caseId =
                intake.openCase(
                        "oxpulse-partner-edge",
                        "TURN credential reuse",
                        "Credentials outlive sessions.");
        Instant promised = disclosureDue(caseId);
        Map<String, Object> extension =
                Map.of(
                        "step",
                        "disclosure",
                        "by",
                        "30d",
                        "reason",
                        "Fix needs a protocol change across partner nodes",
                        "reporterAgreed",
                        false);
        CaseCalls.post(caseId, "/extensions", extension)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", containsString("policy-refuses"));
        assertThat(disclosureDue(caseId)).isEqualTo(promised);

        CaseCalls.post(
                        caseId,
                        "/extensions",
                        Map.of(
                                "step",
                                "disclosure",
                                "by",
                                "30d",
                                "reason",
                                "Fix needs a protocol change across partner nodes",
                                "reporterAgreed",
                                true))
                .then()
                .statusCode(200);
        assertThat(disclosureDue(caseId)).isEqualTo(promised.plus(Duration.ofDays(30)));
        assertThat(database.outboxEvents("case.deadlines.changed.v4", caseId)).isEqualTo(1);

        // Actively exploited: seed 001's "days, not weeks": disclosure 7 days after arrival, then
        // the agreed 30 days.
        CaseCalls.post(caseId, "/expedite", Map.of("reason", "Exploited against partner nodes"))
                .then()
                .statusCode(200)
                .body("expedited", equalTo(true));
        assertThat(disclosureDue(caseId)).isEqualTo(promised.minus(Duration.ofDays(90 - 7 - 30)));
        get(caseId, "/audit")
                .then()
                .body(
                        "action",
                        hasItems(
                                "extension of disclosure by 30d, agreed with the reporter",
                                "expedited track"));
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void anExtensionOfAStepThatIsNotOnTheTimelineOrByNoDurationIsABadRequest() {
        String caseId = intake.openCase();
        CaseCalls.post(
                        caseId,
                        "/extensions",
                        Map.of(
                                "step",
                                "eternity",
                                "by",
                                "30d",
                                "reason",
                                "r",
                                "reporterAgreed",
                                true))
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        CaseCalls.post(
                        caseId,
                        "/extensions",
                        Map.of(
                                "step",
                                "disclosure",
                                "by",
                                "forever",
                                "reason",
                                "r",
                                "reporterAgreed",
                                true))
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theCvssCalculatorScoresAVectorAndNamesWhatIsWrongWithABadOne() {
        given().contentType(ContentType.JSON)
                .body(Map.of("vector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"))
                .when()
                .post("/api/v1/cvss/scores")
                .then()
                .statusCode(200)
                .body("baseScore", equalTo(9.8f));
        given().contentType(ContentType.JSON)
                .body(Map.of("vector", "CVSS:3.1/AV:X"))
                .when()
                .post("/api/v1/cvss/scores")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("vector"));
    }

    private static Instant fixDue(String caseId) {
        return due(caseId, "fix");
    }

    private static Instant disclosureDue(String caseId) {
        return due(caseId, "disclosure");
    }

    private static Instant due(String caseId, String step) {
        return Instant.parse(
                get(caseId, "/deadlines")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("find { it.step == '%s' }.dueAt".formatted(step)));
    }
}
