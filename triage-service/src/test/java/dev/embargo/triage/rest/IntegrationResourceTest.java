package dev.embargo.triage.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import dev.embargo.triage.service.FakeIntegrationClients;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Integrations are administered by admins alone, and never hold the admin role. */
@QuarkusTest
class IntegrationResourceTest {

    @Inject FakeIntegrationClients keycloak;

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void anAdminCreatesAnIntegrationWhoseSecretIsShownOnlyOnce() {
        String name = uniqueName();
        String secret =
                create(name, List.of("triager"), List.of("emek"))
                        .then()
                        .statusCode(201)
                        .body("clientId", equalTo("integration-" + name))
                        .body("roles", contains("triager"))
                        .body("programs", contains("emek"))
                        .extract()
                        .path("clientSecret");

        FakeIntegrationClients.Client client = keycloak.named("integration-" + name);
        assertThat(client.secret()).isEqualTo(secret);
        assertThat(client.roles()).containsExactly("triager");
        assertThat(client.programs()).containsExactly("emek");
        given().when()
                .get("/api/v1/integrations")
                .then()
                .statusCode(200)
                .body("name", hasItem(name))
                .body("find { it.name == '" + name + "' }.createdBy", equalTo("ada"))
                .body("find { it.name == '" + name + "' }.clientSecret", equalTo(null));
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void rotationGivesANewSecretAndRevocationDeletesTheClient() {
        String name = uniqueName();
        String id = create(name, List.of("coordinator"), List.of("moqtail")).path("id");
        String first = keycloak.named("integration-" + name).secret();

        String rotated =
                given().when()
                        .post("/api/v1/integrations/" + id + "/secret")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("clientSecret");
        assertThat(rotated)
                .isNotEqualTo(first)
                .isEqualTo(keycloak.named("integration-" + name).secret());

        given().when().delete("/api/v1/integrations/" + id).then().statusCode(204);
        assertThat(keycloak.named("integration-" + name)).isNull();
        given().when()
                .get("/api/v1/integrations")
                .then()
                .body("find { it.id == '" + id + "' }.revokedAt", notNullValue())
                .body("find { it.id == '" + id + "' }.secretRotatedAt", notNullValue());
        given().when().post("/api/v1/integrations/" + id + "/secret").then().statusCode(404);
        given().when().delete("/api/v1/integrations/" + id).then().statusCode(404);
        // The name is free again once revoked.
        create(name, List.of("triager"), List.of("moqtail")).then().statusCode(201);
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void theAdminRoleIsNeverGivenToAnIntegration() {
        String name = uniqueName();
        create(name, List.of("triager", "admin"), List.of("emek"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertThat(keycloak.named("integration-" + name)).isNull();
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void anInvalidNameNoRoleNoProgramOrAnUnknownProgramIsRefused() {
        create("Not A Slug", List.of("triager"), List.of("emek")).then().statusCode(400);
        create(uniqueName(), List.of(), List.of("emek")).then().statusCode(400);
        create(uniqueName(), List.of("triager"), List.of()).then().statusCode(400);
        String unknownProgram = uniqueName();
        create(unknownProgram, List.of("triager"), List.of("no-such-program"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertThat(keycloak.named("integration-" + unknownProgram)).isNull();
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void aSecondIntegrationOfTheSameNameIsAConflict() {
        String name = uniqueName();
        create(name, List.of("triager"), List.of("emek")).then().statusCode(201);
        int clients = keycloak.keycloakIds().size();
        create(name, List.of("publisher"), List.of("emek")).then().statusCode(409);
        assertThat(keycloak.keycloakIds()).hasSize(clients);
    }

    @Test
    @TestSecurity(
            user = "cora",
            roles = {"coordinator", "triager", "publisher"})
    void staffWithoutTheAdminRoleCannotSeeOrCreateIntegrations() {
        given().when().get("/api/v1/integrations").then().statusCode(403);
        create(uniqueName(), List.of("triager"), List.of("emek")).then().statusCode(403);
        given().when().delete("/api/v1/integrations/" + UUID.randomUUID()).then().statusCode(403);
    }

    @Test
    void anonymousCallersAreAskedToSignIn() {
        given().when().get("/api/v1/integrations").then().statusCode(401);
    }

    static io.restassured.response.Response create(
            String name, List<String> roles, List<String> programs) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "roles", roles, "programs", programs))
                .when()
                .post("/api/v1/integrations");
    }

    static String uniqueName() {
        return "tool-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
