package dev.embargo.triage.rest;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A case's track, whether it was public already, its fix release and a program's release list are a
 * coordinator's (or an admin's) to change.
 */
@QuarkusTest
@TestSecurity(user = "tess", roles = "triager")
class PolicyV2RolesTest {

    @Test
    void aTriagerCannotSetATrack() {
        CaseCalls.put(
                        UUID.randomUUID().toString(),
                        "/track",
                        Map.of("track", "public", "reason", "Minor"))
                .then()
                .statusCode(403);
    }

    @Test
    void aTriagerCannotMarkACaseAlreadyPublic() {
        CaseCalls.post(
                        UUID.randomUUID().toString(),
                        "/already-public",
                        Map.of("reason", "Posted on a forum"))
                .then()
                .statusCode(403);
    }

    @Test
    void aTriagerCannotRecordAFixRelease() {
        CaseCalls.put(
                        UUID.randomUUID().toString(),
                        "/fix-release",
                        Map.of("releasedAt", "2026-12-01T10:00:00Z"))
                .then()
                .statusCode(403);
    }

    @Test
    void aTriagerCannotChangeAReleaseList() {
        given().contentType(ContentType.JSON)
                .body(List.of(Map.of("version", "9.9.9")))
                .when()
                .put("/api/v1/programs/moqtail/releases")
                .then()
                .statusCode(403);
    }
}
