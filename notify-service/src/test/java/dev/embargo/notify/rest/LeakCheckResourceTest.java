package dev.embargo.notify.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LeakCheckResourceTest {

    private static final String LEAK_CHECKS = "/api/v1/leak-checks";

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void aTextWithoutAWatermarkMatchesNoCopy() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "no watermark here"))
                .when()
                .post(LEAK_CHECKS)
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void aBlankTextIsRefused() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", " "))
                .when()
                .post(LEAK_CHECKS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("text"));
    }

    @Test
    @TestSecurity(user = "tess", roles = "triager")
    void aTriagerMayNotRunALeakCheck() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "x"))
                .when()
                .post(LEAK_CHECKS)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void anonymousCallersAreAskedToSignIn() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "x"))
                .when()
                .post(LEAK_CHECKS)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }
}
