package dev.embargo.e2e.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Access tokens for the realm's users from the real Keycloak, by password grants: of the services'
 * client, whose tokens name the services as their audience, unless said otherwise.
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
     * An access token for a demo user from the realm's short-lived client (public, password
     * grants): signed by the realm, but meant for no service, and expired 2 seconds after it is
     * issued.
     */
    public String shortLived(String user) {
        return accessToken(passwordGrant("embargo-short-lived", null, user, user));
    }

    /**
     * An access token for the services that expires 2 seconds after it is issued, for checking that
     * an expired token is refused. The realm has no such client (its short-lived one issues tokens
     * for no service), so one is created for it and deleted at once; the token stays signed by the
     * realm.
     */
    public String expiring(String user) {
        KeycloakAdmin admin = new KeycloakAdmin(keycloakUrl);
        String clientId = "expiry-check-" + UUID.randomUUID();
        String secret = UUID.randomUUID().toString();
        String id =
                admin.createClient(
                        Map.of(
                                "clientId",
                                clientId,
                                "publicClient",
                                false,
                                "secret",
                                secret,
                                "standardFlowEnabled",
                                false,
                                "directAccessGrantsEnabled",
                                true,
                                "attributes",
                                Map.of("access.token.lifespan", "2"),
                                "protocolMappers",
                                List.of(
                                        Map.of(
                                                "name", "embargo-services audience",
                                                "protocol", "openid-connect",
                                                "protocolMapper", "oidc-audience-mapper",
                                                "config",
                                                        Map.of(
                                                                "included.client.audience",
                                                                CLIENT_ID,
                                                                "access.token.claim",
                                                                "true")))));
        try {
            return accessToken(passwordGrant(clientId, secret, user, user));
        } finally {
            admin.deleteClient(id);
        }
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
