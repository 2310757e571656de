package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Integrations;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import dev.embargo.e2e.support.StaffTokens;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every staff endpoint of every service, for every demo user, an integration, no token, an expired
 * token and a forged one; and staff limited to some programs see nothing of the others.
 */
@ExtendWith(EmbargoStack.class)
class StaffAccessIT {

    private static final String NO_TOKEN = "(no token)";
    private static final String EXPIRED = "(expired admin token)";

    /** An integration holding the triager role for emek: answered like a triager. */
    private static final String INTEGRATION = "integration (triager of emek)";

    private static final List<String> CALLERS =
            List.of(
                    NO_TOKEN,
                    EXPIRED,
                    "visitor",
                    "triager",
                    "coordinator",
                    "publisher",
                    "admin",
                    INTEGRATION);
    private static final List<String> CASE_WORKERS = List.of("triager", "coordinator", "admin");
    private static final List<String> COORDINATORS = List.of("coordinator", "admin");

    /**
     * A case that does not exist: callers allowed in get 404, which shows they got past the role
     * check.
     */
    private static final String NO_CASE = "/api/v1/cases/" + UUID.randomUUID();

    private static final String NO_ADVISORY = "/api/v1/advisories/" + UUID.randomUUID();
    private static final List<String> ADVISORY_READERS =
            List.of("coordinator", "publisher", "admin");

    /** Every staff endpoint: who may call it, and what they get with the request below. */
    private static final List<StaffEndpoint> ENDPOINTS =
            List.of(
                    new StaffEndpoint("triage", "GET", "/api/v1/cases", null, CASE_WORKERS, 200),
                    new StaffEndpoint("triage", "GET", NO_CASE, null, CASE_WORKERS, 404),
                    new StaffEndpoint(
                            "triage",
                            "PUT",
                            NO_CASE + "/owner",
                            "{\"owner\":\"triager\"}",
                            CASE_WORKERS,
                            404),
                    new StaffEndpoint(
                            "triage",
                            "POST",
                            NO_CASE + "/transitions",
                            "{\"to\":\"triaging\"}",
                            CASE_WORKERS,
                            404),
                    new StaffEndpoint(
                            "triage",
                            "PUT",
                            NO_CASE + "/severity",
                            "{\"level\":\"high\"}",
                            CASE_WORKERS,
                            404),
                    new StaffEndpoint(
                            "triage", "GET", NO_CASE + "/report", null, CASE_WORKERS, 404),
                    new StaffEndpoint("triage", "GET", NO_CASE + "/audit", null, CASE_WORKERS, 404),
                    new StaffEndpoint(
                            "triage",
                            "GET",
                            NO_CASE + "/audit/verification",
                            null,
                            CASE_WORKERS,
                            404),
                    new StaffEndpoint(
                            "triage", "GET", NO_CASE + "/deadlines", null, CASE_WORKERS, 404),
                    new StaffEndpoint(
                            "triage",
                            "PUT",
                            NO_CASE + "/scope",
                            "{\"scopeClass\":\"memory-safety\"}",
                            CASE_WORKERS,
                            404),
                    new StaffEndpoint(
                            "triage", "GET", NO_CASE + "/similar", null, CASE_WORKERS, 404),
                    new StaffEndpoint(
                            "triage", "GET", NO_CASE + "/reporters", null, CASE_WORKERS, 404),
                    new StaffEndpoint("triage", "GET", NO_CASE + "/notes", null, CASE_WORKERS, 404),
                    new StaffEndpoint(
                            "triage",
                            "POST",
                            NO_CASE + "/notes",
                            "{\"text\":\"internal\"}",
                            CASE_WORKERS,
                            404),
                    new StaffEndpoint(
                            "triage", "GET", NO_CASE + "/messages", null, CASE_WORKERS, 404),
                    new StaffEndpoint(
                            "triage",
                            "POST",
                            NO_CASE + "/messages",
                            "{\"text\":\"hello\"}",
                            CASE_WORKERS,
                            404),
                    new StaffEndpoint(
                            "triage",
                            "POST",
                            NO_CASE + "/expedite",
                            "{\"reason\":\"exploited\"}",
                            COORDINATORS,
                            404),
                    new StaffEndpoint(
                            "triage",
                            "POST",
                            NO_CASE + "/extensions",
                            "{\"step\":\"disclosure\",\"by\":\"7d\",\"reason\":\"complex\",\"reporterAgreed\":true}",
                            COORDINATORS,
                            404),
                    new StaffEndpoint(
                            "triage",
                            "GET",
                            "/api/v1/programs",
                            null,
                            List.of("triager", "coordinator", "publisher", "admin"),
                            200),
                    new StaffEndpoint(
                            "triage",
                            "GET",
                            "/api/v1/programs/emek",
                            null,
                            List.of("triager", "coordinator", "publisher", "admin"),
                            200),
                    // An invalid program: allowed callers reach the validation (422), nothing is
                    // changed.
                    new StaffEndpoint(
                            "triage",
                            "PUT",
                            "/api/v1/programs/emek",
                            "{\"slug\":\"emek\"}",
                            COORDINATORS,
                            422),
                    new StaffEndpoint(
                            "triage", "GET", "/api/v1/clock", null, List.of("admin"), 200),
                    new StaffEndpoint(
                            "triage",
                            "POST",
                            "/api/v1/cvss/scores",
                            "{\"vector\":\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\"}",
                            List.of("triager", "coordinator", "publisher", "admin"),
                            200),
                    new StaffEndpoint(
                            "intake",
                            "GET",
                            "/api/v1/staff/reports/EMB-2026-99999999/attachments",
                            null,
                            CASE_WORKERS,
                            404),
                    new StaffEndpoint(
                            "intake",
                            "GET",
                            "/api/v1/staff/reports/EMB-2026-99999999/attachments/"
                                    + UUID.randomUUID(),
                            null,
                            CASE_WORKERS,
                            404),
                    // notify's other operations answer by role in notify-service's own tests; this
                    // one keeps its real tokens checked.
                    new StaffEndpoint(
                            "notify", "GET", "/api/v1/email-deliveries", null, COORDINATORS, 200),
                    new StaffEndpoint(
                            "advisory",
                            "GET",
                            "/api/v1/pre-advisories",
                            null,
                            List.of("coordinator", "publisher", "admin"),
                            200),
                    // An invalid pre-advisory: allowed callers reach the validation (400), nothing
                    // is released.
                    new StaffEndpoint(
                            "advisory",
                            "POST",
                            "/api/v1/pre-advisories",
                            "{\"program\":\"moqtail\"}",
                            List.of("coordinator", "publisher", "admin"),
                            400),
                    new StaffEndpoint(
                            "advisory",
                            "GET",
                            "/api/v1/tracked-reports",
                            null,
                            List.of("publisher", "admin"),
                            200),
                    new StaffEndpoint(
                            "advisory", "GET", "/api/v1/advisories", null, ADVISORY_READERS, 200),
                    // No such report: allowed callers reach the lookup (404), nothing is drafted.
                    new StaffEndpoint(
                            "advisory",
                            "POST",
                            "/api/v1/advisories",
                            "{\"trackingId\":\"EMB-2026-99999999\"}",
                            List.of("publisher", "admin"),
                            404),
                    new StaffEndpoint("advisory", "GET", NO_ADVISORY, null, ADVISORY_READERS, 404),
                    new StaffEndpoint(
                            "advisory",
                            "PUT",
                            NO_ADVISORY,
                            "{\"changeSummary\":\"edit\"}",
                            List.of("publisher", "admin"),
                            404),
                    new StaffEndpoint(
                            "advisory",
                            "GET",
                            NO_ADVISORY + "/revisions",
                            null,
                            ADVISORY_READERS,
                            404),
                    new StaffEndpoint(
                            "advisory", "GET", NO_ADVISORY + "/audit", null, ADVISORY_READERS, 404),
                    new StaffEndpoint(
                            "advisory",
                            "GET",
                            NO_ADVISORY + "/preview/csaf",
                            null,
                            ADVISORY_READERS,
                            404),
                    new StaffEndpoint(
                            "advisory",
                            "PUT",
                            NO_ADVISORY + "/embargo",
                            "{\"liftAt\":\"2099-01-01T00:00:00Z\"}",
                            COORDINATORS,
                            404),
                    new StaffEndpoint(
                            "advisory",
                            "POST",
                            NO_ADVISORY + "/pre-advisories",
                            "{\"partnerGroups\":[\"distributions\"]}",
                            COORDINATORS,
                            404),
                    new StaffEndpoint(
                            "advisory",
                            "POST",
                            NO_ADVISORY + "/early-break",
                            "{\"reason\":\"exploited\"}",
                            COORDINATORS,
                            404),
                    new StaffEndpoint(
                            "advisory",
                            "PUT",
                            NO_ADVISORY + "/post-mortem",
                            "{\"summary\":\"s\",\"timeline\":\"t\",\"rootCause\":\"r\",\"lessonsLearned\":\"l\"}",
                            ADVISORY_READERS,
                            404));

    private static RunningStack stack;
    private static Map<String, String> tokens;

    @BeforeAll
    static void logIn(RunningStack runningStack) throws InterruptedException {
        stack = runningStack;
        StaffTokens staffTokens = stack.staffTokens();
        String expiring = staffTokens.expiring("admin");
        tokens = new HashMap<>();
        for (String caller : CALLERS) {
            if (!caller.equals(NO_TOKEN)
                    && !caller.equals(EXPIRED)
                    && !caller.equals(INTEGRATION)) {
                tokens.put(caller, staffTokens.of(caller));
            }
        }
        Integrations integrations = stack.integrations(tokens.get("admin"));
        tokens.put(
                INTEGRATION,
                integrations.token(
                        integrations.create(
                                "access-matrix-" + UUID.randomUUID().toString().substring(0, 8),
                                List.of("triager"),
                                List.of("emek"))));
        // The expiring token lives 2 seconds; the services allow no grace.
        Thread.sleep(3_500);
        tokens.put(EXPIRED, expiring);
    }

    static Stream<Arguments> matrix() {
        return ENDPOINTS.stream()
                .flatMap(
                        endpoint ->
                                CALLERS.stream()
                                        .map(
                                                caller ->
                                                        Arguments.of(
                                                                endpoint,
                                                                caller,
                                                                caller.equals(NO_TOKEN)
                                                                                || caller.equals(
                                                                                        EXPIRED)
                                                                        ? 401
                                                                        : endpoint.allowed()
                                                                                        .contains(
                                                                                                roleOf(
                                                                                                        caller))
                                                                                ? endpoint
                                                                                        .allowedGets()
                                                                                : 403)));
    }

    /** The demo user whose name is the caller's role, or the integration's role. */
    private static String roleOf(String caller) {
        return caller.equals(INTEGRATION) ? "triager" : caller;
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("matrix")
    void staffEndpointsAnswerEachCallerByRole(StaffEndpoint endpoint, String caller, int expected) {
        var response = call(endpoint, tokens.get(caller)).then().statusCode(expected);
        if (expected != 200) {
            response.contentType("application/problem+json");
        }
    }

    @ParameterizedTest(name = "{0} with a forged token → 401")
    @MethodSource("endpoints")
    void aTokenNotSignedByTheRealmIsRefused(StaffEndpoint endpoint) {
        String forged =
                tokens.get("admin").substring(0, tokens.get("admin").lastIndexOf('.'))
                        + ".c2lnbmF0dXJl";
        call(endpoint, forged).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void staffLimitedToAProgramSeeOnlyItsCasesAndProgramAndTheOthersAsIfTheyDidNotExist() {
        SubmittedReport emek =
                stack.reporter()
                        .submit(
                                "emek",
                                "Peer reputation forged",
                                "scope-" + UUID.randomUUID() + "@example.org");
        SubmittedReport moqtail =
                stack.reporter()
                        .submit(
                                "moqtail",
                                "Selector DoS",
                                "scope-" + UUID.randomUUID() + "@example.org");
        String everyone = tokens.get("triager");
        String cases = stack.serviceUrl("triage") + "/api/v1/cases";
        String emekCase = caseOf(everyone, cases, emek);
        String moqtailCase = caseOf(everyone, cases, moqtail);
        String limited = stack.staffTokens().of("triager-emek");

        given().auth()
                .oauth2(limited)
                .queryParam("size", 500)
                .when()
                .get(cases)
                .then()
                .statusCode(200)
                .body("id", hasItem(emekCase))
                .body("id", not(hasItem(moqtailCase)))
                .body("program", everyItem(equalTo("emek")));
        given().auth().oauth2(limited).when().get(cases + "/" + emekCase).then().statusCode(200);
        given().auth()
                .oauth2(limited)
                .when()
                .get(cases + "/" + moqtailCase)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(limited)
                .contentType("application/json")
                .body(Map.of("to", "triaging"))
                .when()
                .post(cases + "/" + moqtailCase + "/transitions")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(limited)
                .when()
                .get(stack.serviceUrl("triage") + "/api/v1/programs")
                .then()
                .statusCode(200)
                .body("slug", equalTo(List.of("emek")));
        given().auth()
                .oauth2(limited)
                .when()
                .get(stack.serviceUrl("triage") + "/api/v1/programs/moqtail")
                .then()
                .statusCode(404);
        // Unlimited staff still see both.
        given().auth()
                .oauth2(everyone)
                .when()
                .get(cases + "/" + moqtailCase)
                .then()
                .statusCode(200);
    }

    private static String caseOf(String token, String cases, SubmittedReport report) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                given().auth()
                                        .oauth2(token)
                                        .queryParam("size", 500)
                                        .when()
                                        .get(cases)
                                        .then()
                                        .statusCode(200)
                                        .extract()
                                        .jsonPath()
                                        .getString(
                                                "find { it.trackingId == '%s' }.id"
                                                        .formatted(report.trackingId())),
                        id -> id != null);
    }

    static Stream<Arguments> endpoints() {
        return ENDPOINTS.stream().map(Arguments::of);
    }

    private static io.restassured.response.Response call(StaffEndpoint endpoint, String token) {
        RequestSpecification request = given();
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (endpoint.body() != null) {
            request.contentType("application/json").body(endpoint.body());
        }
        return request.when()
                .request(endpoint.method(), stack.serviceUrl(endpoint.service()) + endpoint.path());
    }

    record StaffEndpoint(
            String service,
            String method,
            String path,
            String body,
            List<String> allowed,
            int allowedGets) {

        @Override
        public String toString() {
            return service + " " + method + " " + path.replace(NO_CASE, "/api/v1/cases/{id}");
        }
    }
}
