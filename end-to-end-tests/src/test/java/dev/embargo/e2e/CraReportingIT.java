package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The acceptance test of EU CRA Article 14 reporting (issue 27): an actively exploited case of a
 * program on the EU market gets the three CRA deadlines on triage's one scheduler; the team is
 * warned before each and told once of the one it misses; the three notifications are drafted,
 * edited, reviewed and their submission recorded, each step in the case's audit chain.
 */
@ExtendWith(EmbargoStack.class)
class CraReportingIT {

    private static final Duration SOON = Duration.ofSeconds(30);
    private static final String TEAM = "security@pea2pea.invalid";

    private RunningStack stack;
    private String coordinator;

    @BeforeEach
    void staff(RunningStack runningStack) {
        stack = runningStack;
        coordinator = stack.staffTokens().of("coordinator");
    }

    @AfterEach
    void clockBackInStep() {
        stack.triageClock().reset();
    }

    @Test
    void anActivelyExploitedCaseOwesThreeCraReportsWarnedAboutAndBreachedOnce() throws IOException {
        String slug = "eu-" + UUID.randomUUID().toString().substring(0, 8);
        publishEuMarketProgram(slug);
        SubmittedReport report =
                stack.reporter()
                        .submit(
                                slug,
                                "Exploited heap overflow in the frame parser",
                                "cra-" + UUID.randomUUID() + "@example.org");
        String caseId = caseOf(report);
        String subject = "[" + report.trackingId() + "] ";

        Instant aware = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        call(
                        "POST",
                        caseId,
                        "/cra",
                        Map.of(
                                "trigger",
                                "actively_exploited",
                                "awareAt",
                                aware.toString(),
                                "reason",
                                "A CSIRT saw it exploited"))
                .statusCode(200)
                .body("trigger", equalTo("actively_exploited"));
        Instant measure = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        call(
                        "PUT",
                        caseId,
                        "/cra/corrective-measure",
                        Map.of(
                                "availableAt",
                                measure.toString(),
                                "description",
                                "Release 2.4.1 fixes it"))
                .statusCode(200);

        Instant earlyWarning = aware.plus(Duration.ofHours(24));
        Instant notification = aware.plus(Duration.ofHours(72));
        Instant finalReport = measure.plus(Duration.ofDays(14));
        call("GET", caseId, "/deadlines", null)
                .statusCode(200)
                .body(
                        "find { it.step == 'cra_early_warning' }.dueAt",
                        equalTo(earlyWarning.toString()))
                .body(
                        "find { it.step == 'cra_notification' }.dueAt",
                        equalTo(notification.toString()))
                .body(
                        "find { it.step == 'cra_final_report' }.dueAt",
                        equalTo(finalReport.toString()));

        // The early warning: warned about, then missed, and told once.
        stack.triageClock().moveTo(earlyWarning.minus(Duration.ofMinutes(30)));
        // Notify learns the new program from the program topic, which can lag the report topic
        // after a rebalance (an earlier test kills replicas): the first warning waits for it.
        awaitMail(subject + "Deadline approaching: EU CRA early warning", Duration.ofMinutes(2));
        stack.triageClock().moveTo(earlyWarning.plus(Duration.ofHours(1)));
        awaitMail(subject + "Deadline missed: EU CRA early warning");
        call("GET", caseId, "/deadlines", null)
                .body("find { it.step == 'cra_early_warning' }.standing", equalTo("breached"));
        given().auth()
                .oauth2(coordinator)
                .queryParams(Map.of("program", slug, "overdue", true))
                .when()
                .get(cases())
                .then()
                .statusCode(200)
                .body("id", hasItems(caseId));
        report(
                caseId,
                "early_warning",
                Map.of(
                        "suspectedMaliciousUse",
                        "Yes: exploited against two operators",
                        "memberStatesConcerned",
                        List.of("DE", "AT")));

        // The notification and the final report: warned about, then reported in time.
        stack.triageClock().moveTo(notification.minus(Duration.ofMinutes(30)));
        awaitMail(subject + "Deadline approaching: EU CRA vulnerability or incident notification");
        report(
                caseId,
                "notification",
                Map.of("userMeasures", "Upgrade to 2.4.1 or disable frame compression"));
        stack.triageClock().moveTo(finalReport.minus(Duration.ofMinutes(30)));
        awaitMail(subject + "Deadline approaching: EU CRA final report");
        report(
                caseId,
                "final_report",
                Map.of("rootCause", "A length check used the compressed size"));

        call("GET", caseId, "/deadlines", null)
                .body("find { it.step == 'cra_notification' }.standing", equalTo("settled"))
                .body("find { it.step == 'cra_final_report' }.standing", equalTo("settled"));
        stack.triageClock().moveTo(finalReport.plus(Duration.ofDays(1)));
        // Several scans later: three warnings and the one breach, each once.
        await().pollDelay(Duration.ofSeconds(5))
                .atMost(SOON)
                .untilAsserted(
                        () ->
                                assertThat(stack.mailbox().subjects(TEAM))
                                        .filteredOn(mail -> mail.startsWith(subject))
                                        .containsExactlyInAnyOrder(
                                                subject
                                                        + "Deadline approaching: EU CRA early"
                                                        + " warning",
                                                subject + "Deadline missed: EU CRA early warning",
                                                subject
                                                        + "Deadline approaching: EU CRA"
                                                        + " vulnerability or incident notification",
                                                subject
                                                        + "Deadline approaching: EU CRA final"
                                                        + " report"));

        call("GET", caseId, "/cra/notifications/final_report/export.json", null)
                .statusCode(200)
                .body("article", equalTo("Art. 14(2)(c)"))
                .body("fields.'Root cause'", equalTo("A length check used the compressed size"))
                .body(
                        "fields.'Corrective measures made available'",
                        equalTo("Release 2.4.1 fixes it"))
                .body("submissionReference", equalTo("SRP-final_report"));
        call("GET", caseId, "/cra/notifications/early_warning/export.txt", null)
                .statusCode(200)
                .body(containsString("Member states concerned: DE, AT"));
        ValidatableResponse audit = call("GET", caseId, "/audit", null).statusCode(200);
        for (String kind : List.of("early_warning", "notification", "final_report")) {
            audit.body(
                    "action",
                    hasItems(
                            "cra " + kind + " drafted",
                            "cra " + kind + " edited",
                            "cra " + kind + " reviewed",
                            "cra " + kind + " submitted"));
        }
        call("GET", caseId, "/audit/verification", null)
                .statusCode(200)
                .body("intact", equalTo(true));
    }

    /** Drafts the notification from the case, edits the given fields, reviews and submits it. */
    private void report(String caseId, String kind, Map<String, Object> edits) {
        String path = "/cra/notifications/" + kind;
        Map<String, Object> drafted =
                call("POST", caseId, path, null)
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getMap("notifications.find { it.kind == '%s' }.content".formatted(kind));
        assertThat(drafted)
                .containsEntry(
                        "natureOfVulnerability", "Exploited heap overflow in the frame parser");
        Map<String, Object> edited = new java.util.HashMap<>(drafted);
        edited.putAll(edits);
        call("PUT", caseId, path, edited).statusCode(200);
        call("POST", caseId, path + "/review", null).statusCode(200);
        call("POST", caseId, path + "/submission", Map.of("reference", "SRP-" + kind))
                .statusCode(200)
                .body(
                        "notifications.find { it.kind == '%s' }.submittedBy".formatted(kind),
                        equalTo("coordinator"));
    }

    private void publishEuMarketProgram(String slug) throws IOException {
        String yaml =
                Files.readString(Path.of("../deploy/programs/pea2pea.yaml"))
                                .replace("embargo.dev/program/v1", "embargo.dev/program/v2")
                                .replace("slug: pea2pea", "slug: " + slug)
                        + "\neuMarket: { placedOnMarket: true, manufacturerMemberState: DE }\n";
        given().auth()
                .oauth2(stack.staffTokens().of("admin"))
                .contentType("application/yaml")
                .body(yaml.getBytes(StandardCharsets.UTF_8))
                .when()
                .put(stack.serviceUrl("triage") + "/api/v1/programs/" + slug)
                .then()
                .statusCode(200);
        await().atMost(SOON)
                .untilAsserted(
                        () ->
                                given().when()
                                        .get(
                                                stack.serviceUrl("intake")
                                                        + "/api/v1/programs/"
                                                        + slug)
                                        .then()
                                        .statusCode(200));
    }

    private String caseOf(SubmittedReport report) {
        return await().atMost(SOON)
                .until(
                        () ->
                                given().auth()
                                        .oauth2(coordinator)
                                        .when()
                                        .get(cases())
                                        .then()
                                        .statusCode(200)
                                        .extract()
                                        .jsonPath()
                                        .getString(
                                                "find { it.trackingId == '%s' }.id"
                                                        .formatted(report.trackingId())),
                        id -> id != null);
    }

    private void awaitMail(String subject) {
        awaitMail(subject, SOON);
    }

    private void awaitMail(String subject, Duration within) {
        await().atMost(within)
                .untilAsserted(() -> assertThat(stack.mailbox().subjects(TEAM)).contains(subject));
    }

    private ValidatableResponse call(String method, String caseId, String path, Object body) {
        var request = given().auth().oauth2(coordinator);
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        return request.when().request(method, cases() + "/" + caseId + path).then();
    }

    private String cases() {
        return stack.serviceUrl("triage") + "/api/v1/cases";
    }
}
