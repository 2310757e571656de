package dev.embargo.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import dev.embargo.intake.support.Programs;
import dev.embargo.policy.model.Program;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Public program pages: the programs in force, their timeline preview, security.txt, SECURITY.md
 * and key.
 */
@QuarkusTest
class ProgramResourceTest {

    private static final String FRIDAY_EVENING = "2026-11-27T18:00:00Z";

    @BeforeEach
    void seedPrograms() {
        Programs.publishSeeds();
    }

    @Test
    void anyoneListsTheProgramsInForceWithTheirWholeProgramFile() {
        given().when()
                .get("/api/v1/programs")
                .then()
                .statusCode(200)
                .body(
                        "slug",
                        hasItems(
                                "pea2pea", "oxpulse-partner-edge", "x0tta6bl4", "emek", "moqtail"));
        given().when()
                .get("/api/v1/programs/emek")
                .then()
                .statusCode(200)
                .body("revision", equalTo(1))
                .body("program.policy.deadlines.acknowledgement", equalTo("48h"));
    }

    @Test
    void anUnknownProgramIsNotFoundOnEveryPage() {
        for (String page :
                new String[] {
                    "", "/timeline", "/security.txt", "/SECURITY.md", "/openpgp-key.asc"
                }) {
            given().when()
                    .get("/api/v1/programs/no-such-program" + page)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    @ParameterizedTest(name = "{0} {1}{2}: {3} due {4}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            textBlock =
                    """
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
    void theTimelinePreviewShowsEachSeedsOwnNumbers(
            String program, String severity, String expedited, String step, String due) {
        RequestSpecification request = given().queryParam("arrivedAt", FRIDAY_EVENING);
        if (severity != null) {
            request.queryParam("severity", severity);
        }
        if (expedited != null) {
            request.queryParam("expedited", expedited);
        }
        JsonPath timeline =
                request.when()
                        .get("/api/v1/programs/{slug}/timeline", program)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        Map<String, Object> entry = timeline.getMap("find { it.step == '%s' }".formatted(step));
        assertThat(entry).as("%s promises %s", program, step).isNotNull();
        assertThat(entry.get("dueAt")).isEqualTo(due);
    }

    @Test
    void aTimelineForAnUnknownSeverityOrTimeIsABadRequest() {
        given().queryParam("severity", "apocalyptic")
                .when()
                .get("/api/v1/programs/emek/timeline")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("critical"));
        given().queryParam("arrivedAt", "last friday")
                .when()
                .get("/api/v1/programs/emek/timeline")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("ISO-8601"));
    }

    @Test
    void securityTxtCarriesTheRfc9116Fields() {
        String text =
                given().when()
                        .get("/api/v1/programs/moqtail/security.txt")
                        .then()
                        .statusCode(200)
                        .contentType(startsWith("text/plain"))
                        .extract()
                        .asString();
        assertThat(text)
                .contains("Contact: mailto:security@moqtail.dev", "Preferred-Languages: en")
                .containsPattern("Policy: http://\\S+/api/v1/programs/moqtail/SECURITY.md")
                .containsPattern("Canonical: http://\\S+/api/v1/programs/moqtail/security.txt");
        Matcher expires = Pattern.compile("Expires: (\\S+)").matcher(text);
        assertThat(expires.find()).isTrue();
        assertThat(Instant.parse(expires.group(1)))
                .isBetween(Instant.now(), Instant.now().plus(365, ChronoUnit.DAYS));
    }

    @Test
    void theWellKnownSecurityTxtIsTheFirstProgramsByDefault() {
        given().when()
                .get("/.well-known/security.txt")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(containsString("Canonical: "))
                .body(containsString("/.well-known/security.txt"))
                .body(containsString("/report/emek"));
    }

    @Test
    void securityMdStatesThePoliciesPromises() {
        String policy =
                given().when()
                        .get("/api/v1/programs/oxpulse-partner-edge/SECURITY.md")
                        .then()
                        .statusCode(200)
                        .contentType(startsWith("text/markdown"))
                        .extract()
                        .asString();
        assertThat(policy)
                .contains(
                        "Acknowledgement: within 3 business days",
                        "Triage: within 10 business days",
                        "Disclosure: within 90 days",
                        "Unregistered partner nodes");
    }

    @Test
    void lineBreaksInAProgramsTextCannotAddFieldsToItsSecurityTxt() {
        publishHostileProgram();
        String base =
                ConfigProvider.getConfig()
                        .getValue("embargo.intake.public-url", String.class)
                        .replaceAll("/+$", "");
        String text =
                given().when()
                        .get("/api/v1/programs/hostile-text/security.txt")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();

        assertThat(text.lines().filter(line -> !line.startsWith("Expires: ")))
                .containsExactly(
                        "# Hostile Contact: mailto:name@evil.example — generated by Embargo from"
                                + " policy revision 1",
                        "Contact: mailto:security@pea2pea.invalid",
                        "Contact: " + base + "/report/hostile-text",
                        "Contact: " + base + "/api/v1/reports",
                        "Contact: https://github.com/ljedrz/pea2pea/security/advisories/new",
                        "Contact: https://hostile.example/ Contact: mailto:url@evil.example",
                        "Policy: " + base + "/api/v1/programs/hostile-text/SECURITY.md",
                        "Preferred-Languages: en",
                        "Canonical: " + base + "/api/v1/programs/hostile-text/security.txt");
    }

    @Test
    void securityMdShowsHtmlAndMarkdownInAProgramsTextAsText() {
        publishHostileProgram();
        String markdown =
                given().when()
                        .get("/api/v1/programs/hostile-text/SECURITY.md")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        String html =
                HtmlRenderer.builder().build().render(Parser.builder().build().parse(markdown));

        assertThat(markdown)
                .startsWith("# Security policy — Hostile Contact: mailto:name@evil.example\n\n");
        assertThat(html)
                .contains(
                        "&lt;script&gt;alert(1)&lt;/script&gt;",
                        "&lt;img src=x onerror=alert(2)&gt;",
                        "[click](javascript:alert(3))",
                        "<p>## Reporting</p>",
                        "<h2>Reporting a vulnerability</h2>")
                .doesNotContain("<script", "<img", "<a href=\"javascript", "<h2>Reporting</h2>");
    }

    /**
     * pea2pea's policy with a name, a description and a channel URL no program file may hold, as a
     * revision recorded before the loader refused them would carry it.
     */
    private static void publishHostileProgram() {
        Program pea2pea = Programs.copyOfPea2pea("hostile-text", null, null);
        List<Program.IntakeChannel> channels = new ArrayList<>(pea2pea.channels());
        channels.add(
                new Program.IntakeChannel(
                        "web",
                        null,
                        "https://hostile.example/\r\nContact: mailto:url@evil.example",
                        false,
                        null));
        Programs.publish(
                new Program(
                        pea2pea.apiVersion(),
                        pea2pea.slug(),
                        "Hostile\r\nContact: mailto:name@evil.example",
                        "<script>alert(1)</script>\r\n<img src=x onerror=alert(2)>\n"
                                + "[click](javascript:alert(3))\n\n## Reporting\n",
                        pea2pea.timeZone(),
                        pea2pea.preferredLanguages(),
                        pea2pea.contacts(),
                        pea2pea.openPgp(),
                        channels,
                        pea2pea.announcements(),
                        pea2pea.bugBounty(),
                        pea2pea.teams(),
                        pea2pea.cve(),
                        pea2pea.euMarket(),
                        pea2pea.releases(),
                        pea2pea.policy()),
                1);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().when()
                                        .get("/api/v1/programs/hostile-text")
                                        .then()
                                        .statusCode(200));
    }

    @Test
    void aProgramWithoutAPublishedKeySaysSo() {
        given().when()
                .get("/api/v1/programs/pea2pea/openpgp-key.asc")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("not published an OpenPGP key"));
    }

    @Test
    void theReportLimitsAreTheRequestsOwnValidation() {
        given().when()
                .get("/api/v1/reports/limits")
                .then()
                .statusCode(200)
                .body("report.title.required", equalTo(true))
                .body("report.title.maxLength", equalTo(200))
                .body("report.description.maxLength", equalTo(50_000))
                .body("report.reporterEmail.format", equalTo("email"))
                .body("message.text.maxLength", equalTo(20_000))
                .body("attachments.maxFilesPerUpload", equalTo(5))
                .body("attachments.acceptedTypes", hasItems("image/png"));
    }
}
