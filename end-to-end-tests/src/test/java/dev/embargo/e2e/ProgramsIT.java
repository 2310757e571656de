package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The five seed programs run as programs: loaded by triage, published to intake, promising their
 * own numbers.
 */
@ExtendWith(EmbargoStack.class)
class ProgramsIT {

    private static final String FRIDAY_EVENING = "2026-11-27T18:00:00Z";
    private static final String YAML = "application/yaml";

    private static RunningStack stack;

    @BeforeAll
    static void awaitTheSeedPrograms(RunningStack runningStack) {
        stack = runningStack;
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().baseUri(intake())
                                        .when()
                                        .get("/api/v1/programs")
                                        .then()
                                        .statusCode(200)
                                        .body("slug", hasItem("moqtail"))
                                        .body(
                                                "size()",
                                                org.hamcrest.Matchers.greaterThanOrEqualTo(5)));
    }

    @Test
    void triageLoadsTheFiveSeedProgramsAndIntakeServesThem() {
        List<String> slugs =
                given().baseUri(intake())
                        .when()
                        .get("/api/v1/programs")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("slug", String.class);
        assertThat(slugs)
                .contains("pea2pea", "oxpulse-partner-edge", "x0tta6bl4", "emek", "moqtail");
        given().auth()
                .oauth2(stack.staffTokens().of("triager"))
                .when()
                .get(stack.serviceUrl("triage") + "/api/v1/programs/emek")
                .then()
                .statusCode(200)
                .body("revision", equalTo(1))
                .body("program.policy.deadlines.acknowledgement", equalTo("48h"));
    }

    @Test
    void aProgramWrittenFromTheReadmeLoadsTakesReportsAndKeepsEachReportsRevision()
            throws IOException {
        String admin = stack.staffTokens().of("admin");
        String program = readmeExample();
        given().auth()
                .oauth2(admin)
                .contentType(YAML)
                .body(yaml(program))
                .when()
                .put(stack.serviceUrl("triage") + "/api/v1/programs/acme-router")
                .then()
                .statusCode(200)
                .body("revision", equalTo(1));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                given().baseUri(intake())
                                        .when()
                                        .get("/api/v1/programs/acme-router")
                                        .then()
                                        .statusCode(200)
                                        .body("revision", equalTo(1)));

        SubmittedReport report =
                stack.reporter()
                        .submit(
                                "acme-router",
                                "Overflow in DHCP option parsing",
                                "acme-" + UUID.randomUUID() + "@example.org");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertThat(stack.mailbox().readOverImap(report.reporterEmail()))
                                        .singleElement()
                                        .satisfies(
                                                mail ->
                                                        assertThat(mail.text())
                                                                .contains(
                                                                        "Triage: by",
                                                                        "Coordinated"
                                                                                + " disclosure:"
                                                                                + " by")));

        given().auth()
                .oauth2(admin)
                .contentType(YAML)
                .body(yaml(program.replace("acknowledgement: 2bd", "acknowledgement: 3bd")))
                .when()
                .put(stack.serviceUrl("triage") + "/api/v1/programs/acme-router")
                .then()
                .statusCode(200)
                .body("revision", equalTo(2));
        String triager = stack.staffTokens().of("triager");
        given().auth()
                .oauth2(triager)
                .queryParam("size", 500)
                .when()
                .get(stack.serviceUrl("triage") + "/api/v1/cases")
                .then()
                .statusCode(200)
                .body(
                        "find { it.trackingId == '%s' }.programRevision"
                                .formatted(report.trackingId()),
                        equalTo(1));
    }

    @ParameterizedTest(name = "a report against x0tta6bl4 {0} is {1}")
    @CsvSource({"1.0.4, supported", "v0.9.2, unsupported", "'', unknown"})
    void aReportAgainstAnUnsupportedVersionIsFlaggedForStaff(String version, String support) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("program", "x0tta6bl4");
        body.put("title", "Version check");
        body.put("description", "SVID accepted after expiry.");
        body.put("affectedVersion", version);
        String trackingId =
                stack.reporter().post(body).then().statusCode(201).extract().path("trackingId");
        String triager = stack.staffTokens().of("triager");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                given().auth()
                                        .oauth2(triager)
                                        .queryParam("size", 500)
                                        .when()
                                        .get(stack.serviceUrl("triage") + "/api/v1/cases")
                                        .then()
                                        .statusCode(200)
                                        .body(
                                                "find { it.trackingId == '%s' }.versionSupport"
                                                        .formatted(trackingId),
                                                equalTo(support)));
    }

    @Test
    void anInvalidProgramIsRefusedWholeWithFieldAndLine() throws IOException {
        String broken =
                readmeExample()
                        .replace("slug: acme-router", "slug: acme-broken")
                        .replace("triage: 5bd", "triage: five days")
                        .replace("timeZone: Europe/Berlin", "timeZone: Mars/Olympus");
        var refusal =
                given().auth()
                        .oauth2(stack.staffTokens().of("coordinator"))
                        .contentType(YAML)
                        .body(yaml(broken))
                        .when()
                        .put(stack.serviceUrl("triage") + "/api/v1/programs/acme-broken")
                        .then()
                        .statusCode(422)
                        .contentType("application/problem+json")
                        .extract()
                        .jsonPath();
        List<Map<String, Object>> errors = refusal.getList("errors");
        assertThat(errors)
                .anySatisfy(
                        error -> {
                            assertThat(error.get("field")).isEqualTo("policy.deadlines.triage");
                            assertThat(error.get("line")).isNotNull();
                        });
        given().auth()
                .oauth2(stack.staffTokens().of("triager"))
                .when()
                .get(stack.serviceUrl("triage") + "/api/v1/programs/acme-broken")
                .then()
                .statusCode(404);
    }

    @Test
    void onlyAdminsAndCoordinatorsChangePrograms() throws IOException {
        given().auth()
                .oauth2(stack.staffTokens().of("triager"))
                .contentType(YAML)
                .body(yaml(readmeExample()))
                .when()
                .put(stack.serviceUrl("triage") + "/api/v1/programs/acme-router")
                .then()
                .statusCode(403);
        given().contentType(YAML)
                .body(yaml(readmeExample()))
                .when()
                .put(stack.serviceUrl("triage") + "/api/v1/programs/acme-router")
                .then()
                .statusCode(401);
    }

    /** REST Assured sends text as it is only as bytes: it has no encoder for YAML. */
    private static byte[] yaml(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String intake() {
        return stack.serviceUrl("intake");
    }

    /** The program a new team writes by following disclosure-policy/README.md. */
    private static String readmeExample() throws IOException {
        String readme =
                Files.readString(
                        stack.launcher()
                                .settings()
                                .repository()
                                .resolve("disclosure-policy/README.md"));
        Matcher example = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(example.find()).isTrue();
        return example.group(1);
    }
}
