package dev.embargo.triage.rest;

import static dev.embargo.triage.rest.CaseCalls.get;
import static dev.embargo.triage.rest.CaseCalls.post;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.embargo.kit.security.IntegrationActors;
import dev.embargo.triage.IntakeEvents;
import dev.embargo.triage.TriageDatabase;
import dev.embargo.triage.security.RevokedIntegrationGate;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An integration's client-credentials token: its calls are audited under the integration's name,
 * and a revoked integration's tokens are refused at once.
 */
@QuarkusTest
class IntegrationTokensTest {

    @Inject IntakeEvents intake;

    @Inject TriageDatabase database;

    @Test
    @TestSecurity(
            user = "service-account-integration-jira-sync",
            roles = "triager",
            augmentors = {IntegrationActors.class, RevokedIntegrationGate.class})
    @OidcSecurity(
            claims = {
                @Claim(key = "azp", value = "integration-jira-sync"),
                @Claim(key = "preferred_username", value = "service-account-integration-jira-sync")
            })
    void anIntegrationsActionIsAuditedUnderTheIntegrationsName() {
        String caseId = intake.openCase();

        post(caseId, "/notes", Map.of("text", "synced to JIRA-1234"))
                .then()
                .statusCode(201)
                .body("author", equalTo("integration:jira-sync"));
        get(caseId, "/audit")
                .then()
                .statusCode(200)
                .body("actor", hasItem("integration:jira-sync"));
    }

    @Test
    @TestSecurity(
            user = "service-account-integration-old-script",
            roles = "triager",
            augmentors = {IntegrationActors.class, RevokedIntegrationGate.class})
    @OidcSecurity(
            claims = {
                @Claim(key = "azp", value = "integration-old-script"),
                @Claim(
                        key = "preferred_username",
                        value = "service-account-integration-old-script"),
                @Claim(key = "iat", value = "1700000000", type = ClaimType.LONG)
            })
    void aTokenIssuedBeforeTheIntegrationWasRevokedIsRefused() throws Exception {
        given().when().get("/api/v1/programs").then().statusCode(200);

        // Revoked as another replica would: this one learns it from the table.
        database.inTransaction(
                "INSERT INTO integration (id, name, client_id, keycloak_id, roles, programs,"
                        + " created_by, created_at, revoked_by, revoked_at) VALUES"
                        + " (gen_random_uuid(), 'old-script', 'integration-old-script', 'gone',"
                        + " 'triager', 'emek', 'ada', now(), 'ada', now())");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().when().get("/api/v1/programs").then().statusCode(401));
    }
}
