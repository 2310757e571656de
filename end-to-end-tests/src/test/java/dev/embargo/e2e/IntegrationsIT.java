package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Integrations;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An integration made through triage's API on the real Keycloak: its client-credentials token
 * passes the staff role and program checks, its actions are audited under its name, and revoking it
 * ends its tokens at once.
 */
@ExtendWith(EmbargoStack.class)
class IntegrationsIT {

    @Test
    void anIntegrationSeesOnlyItsProgramIsAuditedByNameAndStopsWhenRevoked(RunningStack stack) {
        String admin = stack.staffTokens().of("admin");
        String triage = stack.serviceUrl("triage");
        Integrations integrations = stack.integrations(admin);
        SubmittedReport emek =
                stack.reporter()
                        .submit(
                                "emek",
                                "Gossip flood",
                                "int-" + UUID.randomUUID() + "@example.org");
        SubmittedReport moqtail =
                stack.reporter()
                        .submit(
                                "moqtail",
                                "Stream reset",
                                "int-" + UUID.randomUUID() + "@example.org");
        String emekCase = caseOf(admin, triage, emek);
        String moqtailCase = caseOf(admin, triage, moqtail);

        String name = "tracker-" + UUID.randomUUID().toString().substring(0, 8);
        Integrations.Credentials credentials =
                integrations.create(name, List.of("triager"), List.of("emek"));
        String token = integrations.token(credentials);

        given().auth()
                .oauth2(token)
                .queryParam("size", 500)
                .when()
                .get(triage + "/api/v1/cases")
                .then()
                .statusCode(200)
                .body("id", hasItem(emekCase))
                .body("program", everyItem(equalTo("emek")));
        given().auth()
                .oauth2(token)
                .when()
                .get(triage + "/api/v1/cases/" + moqtailCase)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("text", "mirrored to the tracker"))
                .when()
                .post(triage + "/api/v1/cases/" + emekCase + "/notes")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(admin)
                .when()
                .get(triage + "/api/v1/cases/" + emekCase + "/audit")
                .then()
                .statusCode(200)
                .body("actor", hasItem("integration:" + name));
        // Never an admin, whatever it asks for.
        given().auth()
                .oauth2(token)
                .when()
                .get(triage + "/api/v1/integrations")
                .then()
                .statusCode(403);

        integrations.revoke(credentials);

        given().auth()
                .oauth2(token)
                .when()
                .get(triage + "/api/v1/cases/" + emekCase)
                .then()
                .statusCode(401);
        integrations.tokenRequest(credentials).then().statusCode(401);
    }

    static String caseOf(String token, String triage, SubmittedReport report) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                given().auth()
                                        .oauth2(token)
                                        .queryParam("size", 500)
                                        .when()
                                        .get(triage + "/api/v1/cases")
                                        .then()
                                        .statusCode(200)
                                        .extract()
                                        .jsonPath()
                                        .getString(
                                                "find { it.trackingId == '%s' }.id"
                                                        .formatted(report.trackingId())),
                        id -> id != null);
    }
}
