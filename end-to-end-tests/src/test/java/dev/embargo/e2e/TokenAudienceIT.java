package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.fail;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.RunningStack;
import dev.embargo.e2e.support.StaffTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The services take only tokens meant for them (audience {@code embargo-services}): a token the
 * realm signed for the admin, with every role, but through its short-lived client (public, password
 * grants, no audience) is refused by every service that lets the same admin in with a token of the
 * services' client.
 */
@ExtendWith(EmbargoStack.class)
class TokenAudienceIT {

    private static final String ADMIN = "admin";
    private static final int TRIES = 5;

    private static RunningStack stack;
    private static StaffTokens tokens;

    @BeforeAll
    static void connect(RunningStack runningStack) {
        stack = runningStack;
        tokens = stack.staffTokens();
    }

    static Stream<StaffEndpoint> staffEndpoints() {
        return Stream.of(
                new StaffEndpoint("triage", "/api/v1/cases", 200),
                new StaffEndpoint(
                        "intake", "/api/v1/staff/reports/EMB-2026-99999999/attachments", 404),
                new StaffEndpoint("notify", "/api/v1/email-deliveries", 200),
                new StaffEndpoint("advisory", "/api/v1/advisories", 200));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("staffEndpoints")
    void aTokenOfTheRealmsShortLivedClientIsRefusedWhereTheServicesClientsTokenIsAccepted(
            StaffEndpoint endpoint) {
        String url = endpoint.url();
        get(url, tokens.of(ADMIN)).then().statusCode(endpoint.allowed());
        // Its tokens live 2 seconds: a refusal shows the audience check only if it came first.
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            String token = tokens.shortLived(ADMIN);
            Response answer = get(url, token);
            if (Instant.now().isBefore(expiryOf(token))) {
                answer.then().statusCode(401).contentType("application/problem+json");
                return;
            }
        }
        fail("None of %d calls was answered before its 2-second token expired", TRIES);
    }

    private static Response get(String url, String token) {
        return given().auth().oauth2(token).when().get(url);
    }

    private static Instant expiryOf(String token) {
        String payload =
                new String(
                        Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                        StandardCharsets.UTF_8);
        return Instant.ofEpochSecond(JsonPath.from(payload).getLong("exp"));
    }

    /**
     * A staff endpoint of a service, and what the admin gets there with a token meant for the
     * services.
     */
    record StaffEndpoint(String service, String path, int allowed) {

        String url() {
            return stack.serviceUrl(service) + path;
        }

        @Override
        public String toString() {
            return service + " GET " + path;
        }
    }
}
