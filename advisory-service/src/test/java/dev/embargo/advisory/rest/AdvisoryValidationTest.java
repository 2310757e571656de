package dev.embargo.advisory.rest;

import static dev.embargo.advisory.AdvisoryFixtures.MOQTAIL;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import dev.embargo.advisory.AdvisoryFixtures;
import dev.embargo.advisory.service.AdvisoryDetails;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input is refused with a problem that says what is wrong, before anything changes. */
@QuarkusTest
@TestSecurity(user = "ada", roles = "admin")
class AdvisoryValidationTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String TYPES = "https://embargo.dev/problems/";

    @Inject AdvisoryFixtures fixtures;

    @Test
    void aCvssVectorThatDoesNotParseIsUnprocessableAndNamesTheField() {
        String advisory = "/api/v1/advisories/" + fixtures.drafted(MOQTAIL).advisory().id;

        send("PUT", advisory, Map.of("cvssVector", "CVSS:3.1/AV:X/AC:L", "changeSummary", "Scored"))
                .statusCode(422)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPES + "invalid-cvss"))
                .body("errors.field", hasItem("cvssVector"));
        send("PUT", advisory, Map.of("cvssVector", "not a vector", "changeSummary", "Scored"))
                .statusCode(400)
                .contentType(PROBLEM);
        given().when()
                .get(advisory + "/revisions")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1));
    }

    @Test
    void bothCvssVersionsAreScoredAndASeverityThatContradictsThemIsWarnedAbout() {
        String advisory = "/api/v1/advisories/" + fixtures.drafted(MOQTAIL).advisory().id;
        String v31 = "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N";
        String v40 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N";

        send(
                        "PUT",
                        advisory,
                        Map.of(
                                "cvssVectors",
                                List.of(v31, v40),
                                "severity",
                                "critical",
                                "changeSummary",
                                "Scored"))
                .statusCode(200)
                .body("content.cvssScore", equalTo(6.5f))
                .body("content.cvssV4Vector", equalTo(v40))
                .body("content.cvssV4Score", equalTo(7.1f))
                .body("warnings", hasItem(containsString("critical contradicts the CVSS 3.1")));
        send("PUT", advisory, Map.of("cvssVector", v31, "severity", "medium", "changeSummary", "-"))
                .statusCode(200)
                .body("warnings.size()", equalTo(0));
        send(
                        "PUT",
                        advisory,
                        Map.of(
                                "cvssVector",
                                v31,
                                "cvssVectors",
                                List.of(v31.replace("C:H", "C:L")),
                                "changeSummary",
                                "Scored twice"))
                .statusCode(422)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPES + "invalid-cvss"));
    }

    @Test
    void aProductWhosePurlIsNoPackageUrlOrCarriesAVersionIsRefused() {
        String advisory = "/api/v1/advisories/" + fixtures.drafted(MOQTAIL).advisory().id;

        for (String purl : List.of("cargo/moqtail", "pkg:/moqtail", "pkg:cargo/moqtail@0.1.4")) {
            send(
                            "PUT",
                            advisory,
                            Map.of(
                                    "affected",
                                    List.of(Map.of("product", "moqtail-broker", "purl", purl)),
                                    "changeSummary",
                                    "Identified"))
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("type", equalTo(TYPES + "invalid-purl"))
                    .body("errors.field", hasItem("affected[].purl"));
        }
        send(
                        "PUT",
                        advisory,
                        Map.of(
                                "affected",
                                List.of(
                                        Map.of(
                                                "product",
                                                "moqtail-broker",
                                                "purl",
                                                "pkg:Cargo/moqtail")),
                                "changeSummary",
                                "Identified"))
                .statusCode(200)
                .body("content.affected[0].purl", equalTo("pkg:cargo/moqtail"))
                .body("content.affected[0].ecosystem", equalTo("crates.io"))
                .body("content.affected[0].packageName", equalTo("moqtail"));
    }

    @Test
    void anEditWithoutItsChangeSummaryOrWithAnUnnamedWeaknessIsRefused() {
        String advisory = "/api/v1/advisories/" + fixtures.drafted(MOQTAIL).advisory().id;

        send("PUT", advisory, Map.of("title", "t")).statusCode(400).contentType(PROBLEM);
        send("PUT", advisory, Map.of("cweId", "CWE-863", "changeSummary", "Classified"))
                .statusCode(400)
                .contentType(PROBLEM)
                .body(containsString("cweName is required with cweId"));
    }

    @Test
    void aLiftTimeThatIsNoDateOrLiesInThePastIsRefused() {
        String embargo =
                "/api/v1/advisories/" + fixtures.complete(MOQTAIL).advisory().id + "/embargo";

        send("PUT", embargo, Map.of("liftAt", "next tuesday")).statusCode(400).contentType(PROBLEM);
        send("PUT", embargo, Map.of()).statusCode(400).contentType(PROBLEM);
        send("PUT", embargo, Map.of("liftAt", inDays(-1)))
                .statusCode(422)
                .contentType(PROBLEM)
                .body("type", startsWith(TYPES + "lift-in-the-past"));
    }

    @Test
    void incompleteContentCannotBeScheduledAndEveryMissingFieldIsNamed() {
        String embargo =
                "/api/v1/advisories/" + fixtures.drafted(MOQTAIL).advisory().id + "/embargo";

        send("PUT", embargo, Map.of("liftAt", inDays(3)))
                .statusCode(422)
                .contentType(PROBLEM)
                .body(
                        "errors.field",
                        hasItems("summary", "description", "remediation", "affected"));
    }

    @Test
    void aCveRecordThatBreaksTheCnaRulesCannotBeScheduled() {
        String advisory = "/api/v1/advisories/" + fixtures.drafted(MOQTAIL).advisory().id;
        send(
                        "PUT",
                        advisory,
                        Map.of(
                                "title", "Selector bypass",
                                "summary", "A crafted selector reads topics beyond the role.",
                                "description", "Reported by Ada Lovelace: a wildcard slips by.",
                                "affected", List.of(Map.of("product", "moqtail-broker")),
                                "cveId", "CVE-1900-7777",
                                "remediation", "Upgrade.",
                                "changeSummary", "Complete but for the CNA rules"))
                .statusCode(200);

        send("PUT", advisory + "/embargo", Map.of("liftAt", inDays(3)))
                .statusCode(422)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPES + "advisory-incomplete"))
                .body("errors.field", equalTo(List.of("cweId", "description")))
                .body("errors[0].message", containsString("NVD-CWE-noinfo"));
        send(
                        "PUT",
                        advisory,
                        Map.of(
                                "title", "Selector bypass",
                                "summary", "A crafted selector reads topics beyond the role.",
                                "description", "A wildcard after a negation slips by.",
                                "affected", List.of(Map.of("product", "moqtail-broker")),
                                "cveId", "CVE-1900-7777",
                                "cweId", "NVD-CWE-noinfo",
                                "remediation", "Upgrade.",
                                "changeSummary", "Not enough information on the weakness"))
                .statusCode(200);
        send("PUT", advisory + "/embargo", Map.of("liftAt", inDays(3))).statusCode(200);
    }

    @Test
    void theProgramsDisclosureDeadlineBoundsTheLiftTime() {
        String embargo =
                "/api/v1/advisories/" + fixtures.complete(MOQTAIL).advisory().id + "/embargo";

        // moqtail discloses within 30 days.
        send("PUT", embargo, Map.of("liftAt", inDays(40)))
                .statusCode(422)
                .contentType(PROBLEM)
                .body("type", startsWith(TYPES + "embargo-too-long"));
        send("PUT", embargo, Map.of("liftAt", inDays(10)))
                .statusCode(200)
                .body("state", equalTo("scheduled"));
    }

    @Test
    void aPartnerGroupIsToldNoEarlierThanItsMaximumEmbargoAndOnlyIfTheProgramHasIt() {
        AdvisoryDetails scheduled =
                fixtures.scheduled(MOQTAIL, Instant.now().plus(Duration.ofDays(10)));
        String advisory = "/api/v1/advisories/" + scheduled.advisory().id;

        send(
                        "POST",
                        advisory + "/pre-advisories",
                        Map.of("partnerGroups", List.of("distributions")))
                .statusCode(422)
                .contentType(PROBLEM)
                .body("detail", containsString("at most 5d before the lift"));
        send("POST", advisory + "/pre-advisories", Map.of("partnerGroups", List.of("press")))
                .statusCode(422)
                .contentType(PROBLEM)
                .body("detail", containsString("no partner group press"));
        send("POST", advisory + "/pre-advisories", Map.of("partnerGroups", List.of()))
                .statusCode(400)
                .contentType(PROBLEM);
        given().when()
                .get(advisory + "/audit")
                .then()
                .statusCode(200)
                .body("action", equalTo(List.of("drafted", "revised", "lift-scheduled")));
    }

    @Test
    void aPreAdvisoryOfNoProgramOrWithAPastEmbargoIsRefused() {
        send("POST", "/api/v1/pre-advisories", Map.of("program", MOQTAIL))
                .statusCode(400)
                .contentType(PROBLEM);
        send(
                        "POST",
                        "/api/v1/pre-advisories",
                        Map.of(
                                "program",
                                MOQTAIL,
                                "title",
                                "t",
                                "summary",
                                "s",
                                "embargoUntil",
                                inDays(-1),
                                "partnerGroups",
                                List.of("distributions")))
                .statusCode(400)
                .contentType(PROBLEM)
                .body(containsString("must lie in the future"));
    }

    @Test
    void aCaseNotYetAcceptedHasNoAdvisoryAndABadTrackingIdIsRefused() {
        String notYetTriaged = fixtures.submitted(MOQTAIL).trackingId();

        send("POST", "/api/v1/advisories", Map.of("trackingId", notYetTriaged))
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", startsWith(TYPES + "case-not-accepted"));
        send("POST", "/api/v1/advisories", Map.of("trackingId", "not-a-tracking-id"))
                .statusCode(400)
                .contentType(PROBLEM);
        send("POST", "/api/v1/advisories", Map.of("trackingId", "EMB-2026-99999999"))
                .statusCode(404)
                .contentType(PROBLEM);
    }

    private static ValidatableResponse send(String method, String path, Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body).when().request(method, path).then();
    }

    private static String inDays(int days) {
        return Instant.now().plus(Duration.ofDays(days)).toString();
    }
}
