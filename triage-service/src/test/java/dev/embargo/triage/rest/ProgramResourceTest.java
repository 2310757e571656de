package dev.embargo.triage.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    @TestSecurity(user = "cora", roles = "coordinator")
    void aProgramNameWithALineBreakIsRefusedNamingTheFieldAndLine() throws IOException {
        String program =
                Files.readString(Path.of("../deploy/programs/pea2pea.yaml"))
                        .replace("slug: pea2pea", "slug: crlf-name")
                        .replace(
                                "\nname: pea2pea\n",
                                "\nname: \"pea2pea\\r\\nContact: mailto:attacker@evil.example\"\n");
        given().contentType("application/yaml")
                .body(program.getBytes(StandardCharsets.UTF_8))
                .when()
                .put("/api/v1/programs/crlf-name")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("name"))
                .body("errors[0].line", equalTo(5))
                .body("errors[0].message", containsString("single line"));
        given().when().get("/api/v1/programs/crlf-name").then().statusCode(404);
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
