package dev.embargo.e2e.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;

/**
 * Integrations through triage's admin API, and their tokens by Keycloak's client-credentials grant.
 */
public final class Integrations {

    private final String triageUrl;
    private final String keycloakUrl;
    private final String adminToken;

    public Integrations(String triageUrl, String keycloakUrl, String adminToken) {
        this.triageUrl = triageUrl;
        this.keycloakUrl = keycloakUrl;
        this.adminToken = adminToken;
    }

    /** The client credentials triage shows once. */
    public record Credentials(String id, String clientId, String clientSecret) {}

    public Credentials create(String name, List<String> roles, List<String> programs) {
        var created =
                given().auth()
                        .oauth2(adminToken)
                        .contentType("application/json")
                        .body(Map.of("name", name, "roles", roles, "programs", programs))
                        .when()
                        .post(triageUrl + "/api/v1/integrations")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath();
        return new Credentials(
                created.getString("id"),
                created.getString("clientId"),
                created.getString("clientSecret"));
    }

    /** An access token by the client-credentials grant, as a script would get it. */
    public String token(Credentials credentials) {
        return tokenRequest(credentials).then().statusCode(200).extract().path("access_token");
    }

    /** Keycloak's answer to the grant: tokens, or 401 once the client is gone. */
    public Response tokenRequest(Credentials credentials) {
        return given().baseUri(keycloakUrl)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", credentials.clientId())
                .formParam("client_secret", credentials.clientSecret())
                .when()
                .post("/realms/embargo/protocol/openid-connect/token");
    }

    public void revoke(Credentials credentials) {
        given().auth()
                .oauth2(adminToken)
                .when()
                .delete(triageUrl + "/api/v1/integrations/" + credentials.id())
                .then()
                .statusCode(204);
    }
}
