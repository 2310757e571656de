package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.microsoft.playwright.Page;
import dev.embargo.e2e.support.AdvisoryDrafts;
import dev.embargo.e2e.support.Cases;
import dev.embargo.e2e.support.Chromium;
import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import dev.embargo.e2e.support.StaffConsole;
import dev.embargo.e2e.support.WebhookReceivers;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The staff console in a real Chromium, signed in through Keycloak's login page: what each role
 * sees, policy files with their validation errors, a partner's delivery log with replay and the
 * readiness board of its pre-advisory, and an embargoed advisory on the calendar with its
 * publication previewed in every format.
 */
@ExtendWith(EmbargoStack.class)
class StaffConsoleIT {

    private static RunningStack stack;
    @RegisterExtension static final Chromium chromium = Chromium.launch();

    @BeforeAll
    static void theStack(RunningStack runningStack) {
        stack = runningStack;
    }

    @Test
    void aPublisherSeesNoCaseQueueAndIsRefusedByTheApiWhenOpeningItAnyway() {
        Page publisher = StaffConsole.signIn(chromium, stack, "publisher");
        publisher.locator("nav a[href='#/advisories']").waitFor();
        assertThat(publisher.locator("nav a[href='#/cases']").count()).isZero();

        publisher.navigate(stack.serviceUrl("triage") + "/console/#/cases");
        publisher.locator("main h1").first().waitFor();
        assertThat(publisher.locator("#case-table tr.case-row").count()).isZero();
        chromium.screenshot(publisher, "console-publisher-no-cases");
        // The hidden section is a courtesy; the console's own API client, with the publisher's
        // token, is refused.
        Object status =
                publisher.evaluate(
                        """
                        async () => {
                          const { api } = await import('/console/js/api.js');
                          try { await api('triage', '/api/v1/cases'); return 200; } catch (error) { return error.status; }
                        }\
                        """);
        assertThat(status).isEqualTo(403);
    }

    @Test
    void aUserWithoutAStaffRoleIsToldSo() {
        Page visitor = StaffConsole.signIn(chromium, stack, "visitor");
        visitor.getByText("You have no staff role").waitFor();
        assertThat(visitor.locator("nav a").count()).isZero();
    }

    @Test
    void aCoordinatorSeesEveryValidationErrorOfABrokenPolicyFile() {
        Page coordinator = StaffConsole.signIn(chromium, stack, "coordinator");
        coordinator.navigate(stack.serviceUrl("triage") + "/console/#/programs");
        coordinator.locator("#program-list li.program[data-slug='pea2pea']").waitFor();
        chromium.screenshot(coordinator, "console-programs");

        coordinator
                .locator(
                        "#program-list li.program[data-slug='pea2pea'] a, #program-list"
                                + " li.program[data-slug='pea2pea'] button")
                .first()
                .click();
        coordinator
                .locator("#policy-file")
                .fill(
                        "apiVersion: embargo.dev/program/v2\nslug: pea2pea\nname: pea2pea\n"
                                + "deadlines:\n  acknowledgement: soon\n");
        coordinator.locator("#save-policy").click();
        coordinator.locator("#policy-errors li").first().waitFor();
        assertThat(coordinator.locator("#policy-errors li").count()).isGreaterThan(1);
        chromium.screenshot(coordinator, "console-policy-errors");
        assertThat(chromium.accessibilityViolations(coordinator)).as("programs").isEmpty();
        given().when()
                .get(stack.serviceUrl("intake") + "/api/v1/programs/pea2pea")
                .then()
                .statusCode(200);
    }

    @Test
    void aCoordinatorReplaysADeliveryFromAPartnersLogAndTheReceiverGetsTheSameMessageAgain() {
        String coordinatorToken = stack.staffTokens().of("coordinator");
        String group = "console-" + UUID.randomUUID().toString().substring(0, 8);
        try (WebhookReceivers receivers = new WebhookReceivers()) {
            String partnerId =
                    given().auth()
                            .oauth2(coordinatorToken)
                            .contentType(ContentType.JSON)
                            .body(
                                    Map.of(
                                            "name",
                                            "Console partner " + group,
                                            "contactEmail",
                                            group + "@partner.example",
                                            "groups",
                                            List.of(group),
                                            "programs",
                                            List.of("moqtail")))
                            .when()
                            .post(stack.serviceUrl("notify") + "/api/v1/partners")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id");
            given().auth()
                    .oauth2(coordinatorToken)
                    .contentType(ContentType.JSON)
                    .body(Map.of("url", receivers.url("/console")))
                    .when()
                    .post(
                            stack.serviceUrl("notify")
                                    + "/api/v1/partners/"
                                    + partnerId
                                    + "/endpoints")
                    .then()
                    .statusCode(201);
            String preAdvisoryId =
                    given().auth()
                            .oauth2(coordinatorToken)
                            .contentType(ContentType.JSON)
                            .body(
                                    Map.of(
                                            "program",
                                            "moqtail",
                                            "title",
                                            "Console replay " + group,
                                            "summary",
                                            "Embargoed details",
                                            "embargoUntil",
                                            Instant.now().plus(Duration.ofDays(5)).toString(),
                                            "partnerGroups",
                                            List.of(group)))
                            .when()
                            .post(stack.serviceUrl("advisory") + "/api/v1/pre-advisories")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> receivers.at("/console").size() == 1);

            Page coordinator = StaffConsole.signIn(chromium, stack, "coordinator");
            coordinator.navigate(stack.serviceUrl("triage") + "/console/#/partners/" + partnerId);
            coordinator.locator("#delivery-log tr.delivery").first().waitFor();
            chromium.screenshot(coordinator, "console-partner-delivery-log");
            assertThat(chromium.accessibilityViolations(coordinator)).as("partner").isEmpty();
            coordinator.locator("#delivery-log tr.delivery button.replay").first().click();

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> receivers.at("/console").size() == 2);
            List<WebhookReceivers.Received> received = receivers.at("/console");
            assertThat(received.get(1).webhookId()).isEqualTo(received.get(0).webhookId());
            assertThat(coordinator.locator("#partner-status").innerText()).isNotBlank();

            coordinator.navigate(
                    stack.serviceUrl("triage") + "/console/#/readiness/" + preAdvisoryId);
            coordinator.locator("#readiness-board tbody tr").first().waitFor();
            assertThat(coordinator.locator("#readiness-summary").innerText())
                    .contains("1 received, 0 acknowledged");
            assertThat(coordinator.locator("#readiness-board tbody tr").innerText())
                    .contains("Console partner " + group)
                    .contains("not reported");
        }
    }

    @Test
    void aPublisherFindsTheEmbargoOnTheCalendarAndPreviewsThePublicationInEveryFormat() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        SubmittedReport report =
                stack.reporter()
                        .submit(
                                "moqtail",
                                "Console advisory " + unique,
                                "console-" + unique + "@example.org");
        String advisoryId = AdvisoryDrafts.draftedFromAcceptedCase(stack, report);
        String title = "Console advisory " + unique;
        AdvisoryDrafts.revise(
                        stack,
                        advisoryId,
                        title,
                        "CVE-1900-" + (10000 + (int) (Math.random() * 89999)),
                        "Ready")
                .then()
                .statusCode(200);
        Instant liftAt = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
        given().auth()
                .oauth2(stack.staffTokens().of("coordinator"))
                .contentType(ContentType.JSON)
                .body(Map.of("liftAt", liftAt.toString()))
                .when()
                .put(stack.serviceUrl("advisory") + "/api/v1/advisories/" + advisoryId + "/embargo")
                .then()
                .statusCode(200);

        Page publisher = StaffConsole.signIn(chromium, stack, "publisher");
        publisher.navigate(stack.serviceUrl("triage") + "/console/#/advisories");
        publisher.locator("#embargo-calendar").waitFor();
        if (liftAt.atZone(ZoneOffset.UTC).getMonth()
                != Instant.now().atZone(ZoneOffset.UTC).getMonth()) {
            publisher.locator("#calendar-next").click();
        }
        publisher.locator("#embargo-calendar a[href='#/advisories/" + advisoryId + "']").waitFor();
        chromium.screenshot(publisher, "console-embargo-calendar");
        assertThat(chromium.accessibilityViolations(publisher)).as("advisories").isEmpty();

        publisher
                .locator("#embargo-calendar a[href='#/advisories/" + advisoryId + "']")
                .first()
                .click();
        publisher.locator("#preview-tabs").waitFor();
        Map<String, String> expected =
                Map.of(
                        "csaf",
                        "csaf_version",
                        "osv",
                        "schema_version",
                        "cve",
                        "cveMetadata",
                        "html",
                        title);
        for (Map.Entry<String, String> format : expected.entrySet()) {
            publisher
                    .locator("button.preview-format[data-format='" + format.getKey() + "']")
                    .click();
            await().atMost(Duration.ofSeconds(10))
                    .until(
                            () ->
                                    publisher
                                            .locator("#preview-output")
                                            .innerText()
                                            .contains(format.getValue()));
        }
        chromium.screenshot(publisher, "console-advisory-preview");
        assertThat(chromium.accessibilityViolations(publisher)).as("advisory").isEmpty();
        // Previewing published nothing.
        assertThat(
                        given().when()
                                .get(stack.serviceUrl("advisory") + "/api/v1/public/advisories")
                                .asString())
                .doesNotContain(unique);
        assertThat(chromium.errorsOn(publisher)).isEmpty();
    }

    @Test
    void aCoordinatorExpeditesAnExploitedCaseAndExtendsItsDisclosureWithTheReportersAgreement() {
        // oxpulse-partner-edge sets disclosure 90 days after arrival, 7 on its expedited track, and
        // extends a deadline
        // only with the reporter's agreement (pea2pea sets no due time at all, so nothing would
        // move).
        String unique = UUID.randomUUID().toString().substring(0, 8);
        SubmittedReport report =
                stack.reporter()
                        .submit(
                                "oxpulse-partner-edge",
                                "Console expedite " + unique,
                                "console-" + unique + "@example.org");
        String caseId = Cases.idOf(stack, report);
        String coordinatorToken = stack.staffTokens().of("coordinator");
        String theCase = stack.serviceUrl("triage") + "/api/v1/cases/" + caseId;
        String disclosure = "deadlines.find { it.step == 'disclosure' }.dueAt";
        Instant promised =
                Instant.parse(
                        given().auth()
                                .oauth2(coordinatorToken)
                                .when()
                                .get(theCase)
                                .then()
                                .statusCode(200)
                                .extract()
                                .path(disclosure));

        Page coordinator = StaffConsole.signIn(chromium, stack, "coordinator");
        coordinator.navigate(stack.serviceUrl("triage") + "/console/#/cases/" + caseId);
        coordinator
                .locator("#expedite-reason")
                .fill("Exploited against partner nodes since Monday");
        coordinator.locator("#expedite").click();
        coordinator.locator("#expedited").waitFor();
        assertThat(coordinator.locator("#section-expedite .success").innerText())
                .contains("expedited track");
        assertThat(coordinator.locator("#case-summary").innerText()).contains("Expedited");

        coordinator.locator("#extension-step").selectOption("disclosure");
        coordinator.locator("#extension-by").fill("7d");
        coordinator
                .locator("#extension-reason")
                .fill("The fix needs a protocol change across partner nodes");
        coordinator.locator("#extension-reporter-agreed").check();
        coordinator.locator("#extend-deadline").click();
        coordinator.locator("#section-extension .success").waitFor();
        coordinator
                .locator("#audit-trail")
                .getByText("extension of disclosure by 7d, agreed with the reporter")
                .waitFor();
        chromium.screenshot(coordinator, "console-case-expedited-and-extended");

        // Expedited: disclosure 7 days after arrival instead of 90, then the agreed 7 more.
        Instant extended = promised.minus(Duration.ofDays(90 - 7 - 7));
        assertThat(
                        Instant.parse(
                                given().auth()
                                        .oauth2(coordinatorToken)
                                        .when()
                                        .get(theCase)
                                        .then()
                                        .statusCode(200)
                                        .body("expedited", equalTo(true))
                                        .extract()
                                        .<String>path(disclosure)))
                .isEqualTo(extended);
        assertThat(
                        Instant.parse(
                                given().auth()
                                        .oauth2(coordinatorToken)
                                        .when()
                                        .get(theCase + "/deadlines")
                                        .then()
                                        .statusCode(200)
                                        .extract()
                                        .<String>path("find { it.step == 'disclosure' }.dueAt")))
                .as("as the scheduler watches it")
                .isEqualTo(extended);
        given().auth()
                .oauth2(coordinatorToken)
                .when()
                .get(theCase + "/audit")
                .then()
                .statusCode(200)
                .body(
                        "action",
                        hasItems(
                                "expedited track",
                                "extension of disclosure by 7d, agreed with the reporter"))
                .body(
                        "find { it.action == 'expedited track' }.detail",
                        equalTo("Exploited against partner nodes since Monday"))
                .body(
                        "find { it.action.startsWith('extension of disclosure') }.actor",
                        equalTo("coordinator"));
        assertThat(chromium.accessibilityViolations(coordinator)).as("case page").isEmpty();
        assertThat(chromium.errorsOn(coordinator)).isEmpty();
    }

    @Test
    void aCoordinatorRecordsAnSsvcDecisionAndIsOfferedTheExpeditedTrack() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        SubmittedReport report =
                stack.reporter()
                        .submit(
                                "pea2pea",
                                "Console SSVC " + unique,
                                "ssvc-" + unique + "@example.org");
        String caseId = Cases.idOf(stack, report);

        Page coordinator = StaffConsole.signIn(chromium, stack, "coordinator");
        coordinator.navigate(stack.serviceUrl("triage") + "/console/#/cases/" + caseId);
        String points = "#ssvc-decisionPoints-";
        coordinator.locator(points + "exploitation").selectOption("Active");
        coordinator.locator(points + "automatable").selectOption("Yes");
        coordinator.locator(points + "technical-impact").selectOption("Partial");
        coordinator.locator(points + "mission-and-well-being-impact").selectOption("Low");
        coordinator.locator("#set-ssvc").click();
        coordinator.locator("#section-ssvc .success").waitFor();

        // CISA's table: active, automatable, partial impact, low mission impact gives Attend.
        assertThat(coordinator.locator("#section-ssvc .success").innerText())
                .isEqualTo("SSVC decision: Attend.");
        assertThat(coordinator.locator("#case-ssvc").innerText()).isEqualTo("Attend");
        coordinator.locator("#ssvc-expedite-offer").waitFor();
        coordinator
                .locator("#audit-trail")
                .getByText("ssvc Attend (CISA Coordinator 2.0.3: Exploitation Active")
                .waitFor();
        chromium.screenshot(coordinator, "console-case-ssvc-decision");
        assertThat(chromium.accessibilityViolations(coordinator)).as("case page").isEmpty();
        assertThat(chromium.errorsOn(coordinator)).isEmpty();
    }
}
