package dev.embargo.e2e;

import static io.restassured.RestAssured.given;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.RunningStack;
import dev.embargo.e2e.support.StaffTokens;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every staff endpoint of every service, for every demo user and for no token at all. */
@ExtendWith(EmbargoStack.class)
class StaffAccessIT {

    private static final String NO_TOKEN = "(no token)";
    private static final List<String> CALLERS = List.of(NO_TOKEN, "visitor", "triager", "coordinator", "publisher", "admin");

    /** service, path, the users that may read it. */
    private static final List<StaffEndpoint> ENDPOINTS = List.of(
            new StaffEndpoint("triage", "/api/v1/cases", List.of("triager", "coordinator", "admin")),
            new StaffEndpoint("triage", "/api/v1/programs", List.of("triager", "coordinator", "publisher", "admin")),
            new StaffEndpoint("notify", "/api/v1/email-deliveries", List.of("coordinator", "admin")),
            new StaffEndpoint("advisory", "/api/v1/tracked-reports", List.of("publisher", "admin")));

    private static RunningStack stack;
    private static Map<String, String> tokens;

    @BeforeAll
    static void logIn(RunningStack runningStack) {
        stack = runningStack;
        StaffTokens staffTokens = stack.staffTokens();
        tokens = CALLERS.stream().filter(caller -> !caller.equals(NO_TOKEN))
                .collect(java.util.stream.Collectors.toMap(caller -> caller, staffTokens::of));
    }

    static Stream<Arguments> matrix() {
        return ENDPOINTS.stream().flatMap(endpoint -> CALLERS.stream().map(caller -> Arguments.of(
                endpoint.service(), endpoint.path(), caller,
                caller.equals(NO_TOKEN) ? 401 : endpoint.allowed().contains(caller) ? 200 : 403)));
    }

    @ParameterizedTest(name = "{0} {1} as {2} → {3}")
    @MethodSource("matrix")
    void staffEndpointsAnswerEachCallerByRole(String service, String path, String caller, int expected) {
        var request = given();
        if (!caller.equals(NO_TOKEN)) {
            request.auth().oauth2(tokens.get(caller));
        }
        var response = request.when().get(stack.serviceUrl(service) + path).then().statusCode(expected);
        if (expected != 200) {
            response.contentType("application/problem+json");
        }
    }

    @ParameterizedTest(name = "{0} {1} with a forged token → 401")
    @MethodSource("endpoints")
    void aTokenNotSignedByTheRealmIsRefused(String service, String path) {
        String forged = tokens.get("admin").substring(0, tokens.get("admin").lastIndexOf('.')) + ".c2lnbmF0dXJl";
        given().auth().oauth2(forged).when().get(stack.serviceUrl(service) + path)
                .then().statusCode(401).contentType("application/problem+json");
    }

    static Stream<Arguments> endpoints() {
        return ENDPOINTS.stream().map(endpoint -> Arguments.of(endpoint.service(), endpoint.path()));
    }

    private record StaffEndpoint(String service, String path, List<String> allowed) {
    }
}
