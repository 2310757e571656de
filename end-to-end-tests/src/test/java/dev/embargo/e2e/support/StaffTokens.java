package dev.embargo.e2e.support;

import static io.restassured.RestAssured.given;

/**
 * Access tokens for the realm's demo users, from the real Keycloak (password grant of the services'
 * client).
 */
public final class StaffTokens {

    private static final String CLIENT_ID = "embargo-services";
    private static final String CLIENT_SECRET = "embargo-services-local-secret";

    private final String keycloakUrl;

    public StaffTokens(String keycloakUrl) {
        this.keycloakUrl = keycloakUrl;
    }

    /**
     * An access token of the realm's short-lived client (it expires 2 seconds after it is issued),
     * for checking that an expired token is refused.
     */
    public String shortLived(String user) {
        return given().baseUri(keycloakUrl)
                .formParam("grant_type", "password")
                .formParam("client_id", "embargo-short-lived")
                .formParam("username", user)
                .formParam("password", user)
                .when()
                .post("/realms/embargo/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** An access token for a demo user, whose password is its name. */
    public String of(String user) {
        return given().baseUri(keycloakUrl)
                .formParam("grant_type", "password")
                .formParam("client_id", CLIENT_ID)
                .formParam("client_secret", CLIENT_SECRET)
                .formParam("username", user)
                .formParam("password", user)
                .when()
                .post("/realms/embargo/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }
}
