package dev.embargo.e2e.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;

/**
 * Access tokens for the realm's users from the real Keycloak, by password grants: of the services'
 * client unless said otherwise.
 */
public final class StaffTokens {

    private static final String CLIENT_ID = "embargo-services";
    private static final String CLIENT_SECRET = "embargo-services-local-secret";

    private final String keycloakUrl;

    public StaffTokens(String keycloakUrl) {
        this.keycloakUrl = keycloakUrl;
    }

    /** An access token for a demo user, whose password is its name. */
    public String of(String user) {
        return accessToken(login(user, user));
    }

    /** Keycloak's answer to a login: 200 with tokens, or an OAuth error. */
    public Response login(String username, String password) {
        return passwordGrant(CLIENT_ID, CLIENT_SECRET, username, password);
    }

    /**
     * An access token of the realm's short-lived client (it expires 2 seconds after it is issued),
     * for checking that an expired token is refused.
     */
    public String shortLived(String user) {
        return accessToken(passwordGrant("embargo-short-lived", null, user, user));
    }

    private Response passwordGrant(
            String clientId, String clientSecret, String username, String password) {
        var request =
                given().baseUri(keycloakUrl)
                        .formParam("grant_type", "password")
                        .formParam("client_id", clientId)
                        .formParam("username", username)
                        .formParam("password", password);
        if (clientSecret != null) {
            request.formParam("client_secret", clientSecret);
        }
        return request.when().post("/realms/embargo/protocol/openid-connect/token");
    }

    private static String accessToken(Response login) {
        return login.then().statusCode(200).extract().path("access_token");
    }
}
