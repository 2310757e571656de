package dev.embargo.triage.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProgramResourceTest {

    @Test
    void anonymousCallersAreAskedToSignIn() {
        given().when()
                .get("/api/v1/programs")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "tess", roles = "triager")
    void everyStaffRoleListsTheSeedProgramsLoadedAtStart() {
        given().when().get("/api/v1/programs").then().statusCode(200).body("slug", hasItem("emek"));
    }

    @Test
    @TestSecurity(user = "pia", roles = "triager")
    @OidcSecurity(
            claims =
                    @Claim(
                            key = "groups",
                            value = "[\"/programs/moqtail\"]",
                            type = ClaimType.JSON_ARRAY))
    void aStaffMemberOfOneProgramGroupSeesOnlyThatProgram() {
        given().when()
                .get("/api/v1/programs")
                .then()
                .statusCode(200)
                .body("slug", hasItem("moqtail"))
                .body("slug", not(hasItem("emek")));
        given().when().get("/api/v1/programs/emek").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "tess", roles = "triager")
    void aTriagerMayNotChangeAProgram() {
        given().contentType("application/yaml")
                .body("name: x".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when()
                .put("/api/v1/programs/emek")
                .then()
                .statusCode(403);
    }
}
