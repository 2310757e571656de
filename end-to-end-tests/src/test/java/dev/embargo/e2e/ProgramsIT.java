package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

/** The five seed programs run as programs: loaded by triage, published to intake, promising their own numbers. */
@ExtendWith(EmbargoStack.class)
class ProgramsIT {

    private static final String FRIDAY_EVENING = "2026-11-27T18:00:00Z";
    private static final String YAML = "application/yaml";

    private static RunningStack stack;

    @BeforeAll
    static void awaitTheSeedPrograms(RunningStack runningStack) {
        stack = runningStack;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(intake())
                .when().get("/api/v1/programs").then().statusCode(200)
                .body("slug", hasItem("moqtail")).body("size()", org.hamcrest.Matchers.greaterThanOrEqualTo(5)));
    }

    @Test
    void triageLoadsTheFiveSeedProgramsAndIntakeServesThem() {
        List<String> slugs = given().baseUri(intake()).when().get("/api/v1/programs").then().statusCode(200)
                .extract().jsonPath().getList("slug", String.class);
        assertThat(slugs).contains("pea2pea", "oxpulse-partner-edge", "x0tta6bl4", "emek", "moqtail");
        given().auth().oauth2(stack.staffTokens().of("triager")).when().get(stack.serviceUrl("triage") + "/api/v1/programs/emek")
                .then().statusCode(200).body("revision", equalTo(1)).body("program.policy.deadlines.acknowledgement", equalTo("48h"));
    }

    @ParameterizedTest(name = "{0} {1}{2}: {3} due {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            pea2pea              | -        | -    | acknowledgement | -
            oxpulse-partner-edge | -        | -    | acknowledgement | 2026-12-02T18:00:00Z
            oxpulse-partner-edge | -        | -    | triage          | 2026-12-11T18:00:00Z
            oxpulse-partner-edge | -        | -    | disclosure      | 2027-02-25T18:00:00Z
            oxpulse-partner-edge | -        | true | disclosure      | 2026-12-04T18:00:00Z
            x0tta6bl4            | -        | -    | acknowledgement | 2026-11-30T18:00:00Z
            x0tta6bl4            | -        | -    | triage          | 2026-12-04T18:00:00Z
            emek                 | -        | -    | acknowledgement | 2026-11-29T18:00:00Z
            emek                 | -        | -    | status_update   | 2026-12-04T18:00:00Z
            emek                 | critical | -    | fix             | 2026-11-28T18:00:00Z
            emek                 | medium   | -    | fix             | 2026-12-11T18:00:00Z
            emek                 | low      | -    | fix             | -
            moqtail              | -        | -    | acknowledgement | 2026-12-02T18:00:00Z
            moqtail              | -        | -    | fix             | 2026-12-27T18:00:00Z
            moqtail              | -        | -    | pre_release     | 2026-12-22T18:00:00Z
            moqtail              | -        | -    | disclosure      | 2026-12-27T18:00:00Z
            moqtail              | -        | -    | post_mortem     | 2027-01-10T18:00:00Z
            """)
    void theTimelinePreviewShowsEachSeedsOwnNumbers(String program, String severity, String expedited, String step, String due) {
        var request = given().baseUri(intake()).queryParam("arrivedAt", FRIDAY_EVENING);
        if (severity != null) {
            request.queryParam("severity", severity);
        }
        if (expedited != null) {
            request.queryParam("expedited", expedited);
        }
        JsonPath timeline = request.when().get("/api/v1/programs/{slug}/timeline", program)
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> entry = timeline.getMap("find { it.step == '%s' }".formatted(step));
        assertThat(entry).as("%s sets a deadline for %s", program, step).isNotNull();
        assertThat(entry.get("dueAt")).isEqualTo(due);
    }

    @Test
    void securityTxtCarriesTheRfc9116FieldsAndSecurityMdStatesTheDeadlines() {
        String text = given().baseUri(intake()).when().get("/api/v1/programs/moqtail/security.txt")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/plain")).extract().asString();
        assertThat(text).contains("Contact: mailto:security@moqtail.dev", "Preferred-Languages: en",
                "Policy: http://localhost:" + stack.launcher().settings().intakePort() + "/api/v1/programs/moqtail/SECURITY.md",
                "Canonical: http://localhost:" + stack.launcher().settings().intakePort() + "/api/v1/programs/moqtail/security.txt");
        Matcher expires = Pattern.compile("Expires: (\\S+)").matcher(text);
        assertThat(expires.find()).isTrue();
        assertThat(Instant.parse(expires.group(1))).isBetween(Instant.now(), Instant.now().plus(365, ChronoUnit.DAYS));
        given().baseUri(intake()).when().get("/.well-known/security.txt").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Canonical: "));
        String policy = given().baseUri(intake()).when().get("/api/v1/programs/oxpulse-partner-edge/SECURITY.md")
                .then().statusCode(200).extract().asString();
        assertThat(policy).contains("Acknowledgement: within 3 business days", "Triage: within 10 business days",
                "Disclosure: within 90 days", "Unregistered partner nodes");
    }

    @Test
    void aProgramWrittenFromTheReadmeLoadsTakesReportsAndKeepsEachReportsRevision() throws IOException {
        String admin = stack.staffTokens().of("admin");
        String program = readmeExample();
        given().auth().oauth2(admin).contentType(YAML).body(yaml(program))
                .when().put(stack.serviceUrl("triage") + "/api/v1/programs/acme-router")
                .then().statusCode(200).body("revision", equalTo(1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().baseUri(intake())
                .when().get("/api/v1/programs/acme-router").then().statusCode(200).body("revision", equalTo(1)));

        SubmittedReport report = stack.reporter().submit("acme-router", "Overflow in DHCP option parsing",
                "acme-" + UUID.randomUUID() + "@example.org");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(stack.mailbox().readOverImap(report.reporterEmail()))
                .singleElement().satisfies(mail -> assertThat(mail.text()).contains("Triage: by", "Coordinated disclosure: by")));

        given().auth().oauth2(admin).contentType(YAML).body(yaml(program.replace("acknowledgement: 2bd", "acknowledgement: 3bd")))
                .when().put(stack.serviceUrl("triage") + "/api/v1/programs/acme-router")
                .then().statusCode(200).body("revision", equalTo(2));
        String triager = stack.staffTokens().of("triager");
        given().auth().oauth2(triager).queryParam("size", 500).when().get(stack.serviceUrl("triage") + "/api/v1/cases")
                .then().statusCode(200)
                .body("find { it.trackingId == '%s' }.programRevision".formatted(report.trackingId()), equalTo(1));
    }

    @ParameterizedTest(name = "a report against x0tta6bl4 {0} is {1}")
    @CsvSource({"1.0.4, supported", "v0.9.2, unsupported", "'', unknown"})
    void aReportAgainstAnUnsupportedVersionIsFlaggedForStaff(String version, String support) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("program", "x0tta6bl4");
        body.put("title", "Version check");
        body.put("description", "SVID accepted after expiry.");
        body.put("affectedVersion", version);
        String trackingId = stack.reporter().post(body).then().statusCode(201).extract().path("trackingId");
        String triager = stack.staffTokens().of("triager");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(triager).queryParam("size", 500)
                .when().get(stack.serviceUrl("triage") + "/api/v1/cases").then().statusCode(200)
                .body("find { it.trackingId == '%s' }.versionSupport".formatted(trackingId), equalTo(support)));
    }

    @Test
    void anInvalidProgramIsRefusedWholeWithFieldAndLine() throws IOException {
        String broken = readmeExample().replace("slug: acme-router", "slug: acme-broken")
                .replace("triage: 5bd", "triage: five days").replace("timeZone: Europe/Berlin", "timeZone: Mars/Olympus");
        var refusal = given().auth().oauth2(stack.staffTokens().of("coordinator")).contentType(YAML).body(yaml(broken))
                .when().put(stack.serviceUrl("triage") + "/api/v1/programs/acme-broken")
                .then().statusCode(422).contentType("application/problem+json").extract().jsonPath();
        List<Map<String, Object>> errors = refusal.getList("errors");
        assertThat(errors).anySatisfy(error -> {
            assertThat(error.get("field")).isEqualTo("policy.deadlines.triage");
            assertThat(error.get("line")).isNotNull();
        });
        given().auth().oauth2(stack.staffTokens().of("triager")).when().get(stack.serviceUrl("triage") + "/api/v1/programs/acme-broken")
                .then().statusCode(404);
    }

    @Test
    void onlyAdminsAndCoordinatorsChangePrograms() throws IOException {
        given().auth().oauth2(stack.staffTokens().of("triager")).contentType(YAML).body(yaml(readmeExample()))
                .when().put(stack.serviceUrl("triage") + "/api/v1/programs/acme-router").then().statusCode(403);
        given().contentType(YAML).body(yaml(readmeExample()))
                .when().put(stack.serviceUrl("triage") + "/api/v1/programs/acme-router").then().statusCode(401);
    }

    @Test
    void aTimelineForAnUnknownSeverityOrTimeIsABadRequest() {
        given().baseUri(intake()).queryParam("severity", "apocalyptic").when().get("/api/v1/programs/emek/timeline")
                .then().statusCode(400).contentType("application/problem+json");
        given().baseUri(intake()).queryParam("arrivedAt", "last friday").when().get("/api/v1/programs/emek/timeline")
                .then().statusCode(400).contentType("application/problem+json");
        given().baseUri(intake()).when().get("/api/v1/programs/no-such-program/timeline").then().statusCode(404);
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
        String readme = Files.readString(stack.launcher().settings().repository().resolve("disclosure-policy/README.md"));
        Matcher example = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(example.find()).isTrue();
        return example.group(1);
    }
}
