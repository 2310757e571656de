package dev.embargo.advisory.rest;

import static dev.embargo.advisory.AdvisoryFixtures.EMEK;
import static dev.embargo.advisory.AdvisoryFixtures.MOQTAIL;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.embargo.advisory.AdvisoryFixtures;
import dev.embargo.advisory.service.AdvisoryDetails;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who may do what to advisories: publishers write them, coordinators run the embargo, admins do
 * both; anonymous callers are asked to sign in, and staff limited to other programs are told
 * nothing exists.
 */
@QuarkusTest
class AdvisoryResourceTest {

    private static final String ADVISORIES = "/api/v1/advisories";
    private static final String SOME = ADVISORIES + "/" + UUID.randomUUID();
    private static final String LIFT = Instant.now().plus(Duration.ofDays(3)).toString();
    private static final String POST_MORTEM =
            "{\"summary\":\"s\",\"timeline\":\"t\",\"rootCause\":\"r\",\"lessonsLearned\":\"l\"}";

    /** Every staff operation with a body its allowed callers get past validation with. */
    private static final List<Call> OPERATIONS =
            List.of(
                    new Call("GET", ADVISORIES, null),
                    new Call("POST", ADVISORIES, "{\"trackingId\":\"EMB-2026-99999999\"}"),
                    new Call("GET", SOME, null),
                    new Call("PUT", SOME, "{\"changeSummary\":\"edit\"}"),
                    new Call("GET", SOME + "/revisions", null),
                    new Call("GET", SOME + "/audit", null),
                    new Call("GET", SOME + "/preview/csaf", null),
                    new Call("PUT", SOME + "/embargo", "{\"liftAt\":\"" + LIFT + "\"}"),
                    new Call(
                            "POST",
                            SOME + "/pre-advisories",
                            "{\"partnerGroups\":[\"distributions\"]}"),
                    new Call("POST", SOME + "/early-break", "{\"reason\":\"exploited\"}"),
                    new Call("PUT", SOME + "/post-mortem", POST_MORTEM),
                    new Call("POST", SOME + "/withdraw", "{\"reason\":\"in error\"}"),
                    new Call(
                            "POST",
                            SOME + "/supersede",
                            "{\"successor\":\"EMB-2026-0001\",\"reason\":\"merged\"}"),
                    new Call("POST", SOME + "/cve-record/reject", "{\"reason\":\"duplicate\"}"),
                    new Call("GET", "/api/v1/pre-advisories", null),
                    new Call("POST", "/api/v1/pre-advisories", "{\"program\":\"moqtail\"}"),
                    new Call("GET", "/api/v1/tracked-reports", null));

    @Inject AdvisoryFixtures fixtures;

    @Test
    void anonymousCallersAreAskedToSignInEverywhere() {
        OPERATIONS.forEach(
                call -> call.send().statusCode(401).contentType("application/problem+json"));
    }

    @Test
    @TestSecurity(user = "tess", roles = "triager")
    void aTriagerReachesNoAdvisoryOperation() {
        OPERATIONS.forEach(
                call -> call.send().statusCode(403).contentType("application/problem+json"));
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void aCoordinatorMayNotDraftReviseOrWatchTrackedReports() {
        new Call("POST", ADVISORIES, "{\"trackingId\":\"EMB-2026-99999999\"}")
                .send()
                .statusCode(403);
        new Call("PUT", SOME, "{\"changeSummary\":\"edit\"}").send().statusCode(403);
        new Call("GET", "/api/v1/tracked-reports", null).send().statusCode(403);
    }

    @Test
    @TestSecurity(user = "pat", roles = "publisher")
    void aPublisherMayNotRunTheEmbargo() {
        AdvisoryDetails complete = fixtures.complete(MOQTAIL);
        String advisory = ADVISORIES + "/" + complete.advisory().id;

        new Call("PUT", advisory + "/embargo", "{\"liftAt\":\"" + LIFT + "\"}")
                .send()
                .statusCode(403);
        new Call("POST", advisory + "/pre-advisories", "{\"partnerGroups\":[\"distributions\"]}")
                .send()
                .statusCode(403);
        new Call("POST", advisory + "/early-break", "{\"reason\":\"exploited\"}")
                .send()
                .statusCode(403);
        given().when().get(advisory).then().statusCode(200).body("state", equalTo("draft"));
    }

    @Test
    @TestSecurity(user = "pat", roles = "publisher")
    void aPublisherDraftsAnAcceptedCaseAndEveryRevisionIsKept() {
        String trackingId = fixtures.acceptedCase(MOQTAIL);

        String id =
                given().contentType(ContentType.JSON)
                        .body(Map.of("trackingId", trackingId))
                        .when()
                        .post(ADVISORIES)
                        .then()
                        .statusCode(201)
                        .body("state", equalTo("draft"))
                        .body("revision", equalTo(1))
                        .body("content.title", equalTo("Report of " + trackingId))
                        .extract()
                        .path("id");
        given().contentType(ContentType.JSON)
                .body(edit("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N"))
                .when()
                .put(ADVISORIES + "/" + id)
                .then()
                .statusCode(200)
                .body("revision", equalTo(2))
                .body("content.cvssScore", equalTo(6.5f));

        given().when()
                .get(ADVISORIES + "/" + id + "/revisions")
                .then()
                .statusCode(200)
                .body(
                        "changeSummary",
                        equalTo(List.of("Drafted from " + trackingId, "First complete text")));
        given().when()
                .get(ADVISORIES + "/" + id + "/audit")
                .then()
                .statusCode(200)
                .body("action", equalTo(List.of("drafted", "revised")))
                .body("actor", hasItem("pat"));
        given().when()
                .get("/api/v1/tracked-reports?size=500")
                .then()
                .statusCode(200)
                .body("trackingId", hasItem(trackingId));
        // One advisory per case.
        given().contentType(ContentType.JSON)
                .body(Map.of("trackingId", trackingId))
                .when()
                .post(ADVISORIES)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void aCoordinatorSchedulesTheLiftAndReadsTheAdvisory() {
        AdvisoryDetails complete = fixtures.complete(MOQTAIL);
        String advisory = ADVISORIES + "/" + complete.advisory().id;

        given().contentType(ContentType.JSON)
                .body(Map.of("liftAt", LIFT))
                .when()
                .put(advisory + "/embargo")
                .then()
                .statusCode(200)
                .body("state", equalTo("scheduled"));
        given().when()
                .get(advisory + "/preview/osv")
                .then()
                .statusCode(200)
                .header(
                        AdvisoryResource.PREVIEW_HEADER,
                        containsString(complete.advisory().publicId));
        given().when()
                .get(ADVISORIES + "?size=500")
                .then()
                .statusCode(200)
                .body("id", hasItem(complete.advisory().id.toString()));
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void anAdminDraftsAndRunsTheEmbargoToo() {
        String trackingId = fixtures.acceptedCase(MOQTAIL);
        String id =
                given().contentType(ContentType.JSON)
                        .body(Map.of("trackingId", trackingId))
                        .when()
                        .post(ADVISORIES)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        given().contentType(ContentType.JSON)
                .body(edit(null))
                .when()
                .put(ADVISORIES + "/" + id)
                .then()
                .statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Map.of("liftAt", LIFT))
                .when()
                .put(ADVISORIES + "/" + id + "/embargo")
                .then()
                .statusCode(200);
    }

    @Test
    @TestSecurity(
            user = "pia",
            roles = {"publisher", "coordinator"})
    @OidcSecurity(
            claims =
                    @Claim(
                            key = "groups",
                            value = "[\"/programs/emek\"]",
                            type = ClaimType.JSON_ARRAY))
    void staffOfAnotherProgramAreToldTheAdvisoryDoesNotExist() {
        AdvisoryDetails moqtail = fixtures.complete(MOQTAIL);
        AdvisoryDetails emek = fixtures.drafted(EMEK);
        String advisory = ADVISORIES + "/" + moqtail.advisory().id;

        for (Call call :
                List.of(
                        new Call("GET", advisory, null),
                        new Call("PUT", advisory, "{\"changeSummary\":\"edit\"}"),
                        new Call("GET", advisory + "/revisions", null),
                        new Call("GET", advisory + "/audit", null),
                        new Call("GET", advisory + "/preview/html", null),
                        new Call("PUT", advisory + "/embargo", "{\"liftAt\":\"" + LIFT + "\"}"),
                        new Call("POST", advisory + "/early-break", "{\"reason\":\"exploited\"}"),
                        new Call("PUT", advisory + "/post-mortem", POST_MORTEM))) {
            call.send().statusCode(404).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON)
                .body(Map.of("trackingId", fixtures.acceptedCase(MOQTAIL)))
                .when()
                .post(ADVISORIES)
                .then()
                .statusCode(404);
        given().when()
                .get(ADVISORIES + "?size=500")
                .then()
                .statusCode(200)
                .body("id", hasItem(emek.advisory().id.toString()))
                .body("id", not(hasItem(moqtail.advisory().id.toString())));
        given().contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "program",
                                MOQTAIL,
                                "title",
                                "t",
                                "summary",
                                "s",
                                "embargoUntil",
                                LIFT,
                                "partnerGroups",
                                List.of("distributions")))
                .when()
                .post("/api/v1/pre-advisories")
                .then()
                .statusCode(404);
    }

    private static Map<String, Object> edit(String cvssVector) {
        Map<String, Object> edit =
                new HashMap<>(
                        Map.of(
                                "title",
                                "Selector bypass",
                                "summary",
                                "Reads beyond the role.",
                                "description",
                                "A wildcard after a negation.",
                                "remediation",
                                "Upgrade to 0.1.4.",
                                "affected",
                                List.of(
                                        Map.of(
                                                "product",
                                                "moqtail-broker",
                                                "introduced",
                                                "0.1.0",
                                                "fixed",
                                                "0.1.4")),
                                "changeSummary",
                                "First complete text"));
        if (cvssVector != null) {
            edit.put("cvssVector", cvssVector);
        }
        return edit;
    }

    /** One request to the staff API. */
    record Call(String method, String path, String body) {

        ValidatableResponse send() {
            var request = given();
            if (body != null) {
                request.contentType(ContentType.JSON).body(body);
            }
            return request.when().request(method, path).then();
        }
    }
}
