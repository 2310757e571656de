package dev.embargo.e2e.support;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;

/**
 * Keycloak's admin REST API as the administrator the local and test stacks create ({@code
 * admin}/{@code admin} in the master realm), for tests that need a user or a client of their own in
 * the {@code embargo} realm, so that nothing they do reaches the demo users other tests log in as.
 */
public final class KeycloakAdmin {

    private static final String REALM = "/admin/realms/embargo";

    private final String keycloakUrl;

    KeycloakAdmin(String keycloakUrl) {
        this.keycloakUrl = keycloakUrl;
    }

    /** The realm's settings as Keycloak holds them. */
    public JsonPath realm() {
        return admin().when().get(REALM).then().statusCode(200).extract().jsonPath();
    }

    /**
     * Creates an enabled user with a complete profile, so that it logs in with nothing to complete
     * first; the password must meet the realm's password policy. Returns the user's id.
     */
    public String createUser(String username, String password) {
        return idFrom(
                admin().contentType("application/json")
                        .body(
                                Map.of(
                                        "username",
                                        username,
                                        "enabled",
                                        true,
                                        "emailVerified",
                                        true,
                                        "firstName",
                                        "Test",
                                        "lastName",
                                        "User",
                                        "email",
                                        username + "@embargo.localhost",
                                        "credentials",
                                        List.of(
                                                Map.of(
                                                        "type",
                                                        "password",
                                                        "value",
                                                        password,
                                                        "temporary",
                                                        false))))
                        .when()
                        .post(REALM + "/users")
                        .then()
                        .statusCode(201)
                        .extract()
                        .header("Location"));
    }

    public JsonPath user(String id) {
        return admin().when()
                .get(REALM + "/users/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    public void deleteUser(String id) {
        admin().when().delete(REALM + "/users/" + id).then().statusCode(204);
    }

    /**
     * What brute-force detection knows of a user: {@code disabled} (locked out now), {@code
     * numFailures}, {@code failedLoginNotBefore} (epoch seconds when the lockout ends).
     */
    public JsonPath bruteForceStatus(String userId) {
        return admin().when()
                .get(REALM + "/attack-detection/brute-force/users/" + userId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Creates a client from its JSON representation; returns the client's id (not clientId). */
    public String createClient(Map<String, Object> representation) {
        return idFrom(
                admin().contentType("application/json")
                        .body(representation)
                        .when()
                        .post(REALM + "/clients")
                        .then()
                        .statusCode(201)
                        .extract()
                        .header("Location"));
    }

    public void deleteClient(String id) {
        admin().when().delete(REALM + "/clients/" + id).then().statusCode(204);
    }

    /** Admin tokens live a minute: a fresh one for each call. */
    private RequestSpecification admin() {
        String token =
                given().baseUri(keycloakUrl)
                        .formParam("grant_type", "password")
                        .formParam("client_id", "admin-cli")
                        .formParam("username", "admin")
                        .formParam("password", "admin")
                        .when()
                        .post("/realms/master/protocol/openid-connect/token")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("access_token");
        return given().baseUri(keycloakUrl).auth().oauth2(token);
    }

    private static String idFrom(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
