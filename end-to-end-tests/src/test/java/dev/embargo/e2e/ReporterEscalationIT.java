package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.embargo.e2e.support.Chromium;
import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import dev.embargo.e2e.support.StaffConsole;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A reporter escalates a late step on the status page: refused while nothing is late, accepted
 * once, the team emailed, the case audited, shown on the console's case page and flagged in its
 * queue. Triage's clock runs past the triage promise (moqtail: 7 days); triage says the step was
 * missed, and intake shows it late.
 */
@ExtendWith(EmbargoStack.class)
class ReporterEscalationIT {

    private static final Duration SOON = Duration.ofSeconds(30);
    private static final String TEAM = "security@moqtail.dev";

    @RegisterExtension static final Chromium chromium = Chromium.launch();

    private RunningStack stack;

    @BeforeEach
    void staff(RunningStack runningStack) {
        stack = runningStack;
    }

    @AfterEach
    void clockBackInStep() {
        stack.triageClock().reset();
    }

    @Test
    void aReporterEscalatesALateStepOnceAndStaffSeeItOnTheCaseAndInTheQueue() {
        SubmittedReport report =
                stack.reporter()
                        .submit(
                                "moqtail",
                                "Escalation: three weeks, no answer",
                                "late-" + UUID.randomUUID() + "@example.org");
        awaitTriageState(report, "pending");
        stack.reporter()
                .escalate(report.trackingId(), report.reporterToken(), "triage", "Any news?")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        Instant triageDue =
                Instant.parse(
                        stack.reporter()
                                .status(report.trackingId(), report.reporterToken())
                                .path("deadlines.find { it.step == 'triage' }.dueAt"));
        stack.triageClock().moveTo(triageDue.plus(Duration.ofHours(1)));
        awaitTriageState(report, "late");
        stack.triageClock().reset();

        Page status = chromium.newPage();
        status.navigate(
                stack.serviceUrl("intake")
                        + "/status/"
                        + report.trackingId()
                        + "#token="
                        + report.reporterToken());
        Locator triageStep = status.locator("#deadlines li[data-step='triage']");
        triageStep.waitFor();
        assertThat(triageStep.getAttribute("data-state")).isEqualTo("late");
        assertThat(triageStep.innerText()).contains("by ", "late");
        assertThat(Instant.parse(triageStep.locator("time").getAttribute("datetime")))
                .isEqualTo(triageDue.truncatedTo(ChronoUnit.MILLIS));
        assertThat(status.locator("#deadlines li[data-step='fix']").getAttribute("data-state"))
                .isEqualTo("pending");
        status.locator("#escalate-step").selectOption("triage");
        status.locator("#escalate-message").fill("Three weeks, no answer.");
        Instant sent = Instant.now();
        status.locator("#send-escalation").click();
        Locator received = status.locator("#escalations li[data-step='triage']");
        received.waitFor();
        assertThat(received.innerText()).contains("received by the security team");
        assertThat(Instant.parse(received.locator("time").getAttribute("datetime")))
                .isBetween(sent.minusSeconds(5), Instant.now().plusSeconds(5));
        assertThat(status.locator("#escalate-status").innerText())
                .isEqualTo("The escalation was received.");
        chromium.screenshot(status, "reporter-escalation-received");
        assertThat(chromium.errorsOn(status)).isEmpty();

        stack.reporter()
                .escalate(report.trackingId(), report.reporterToken(), "triage", "Again")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        String subject = "[" + report.trackingId() + "] The reporter escalated a late step: Triage";
        await().atMost(SOON)
                .untilAsserted(() -> assertThat(stack.mailbox().subjects(TEAM)).contains(subject));

        Page console = StaffConsole.signIn(chromium, stack, "coordinator");
        Locator row =
                console.locator(
                        "#case-table tr.case-row[data-tracking-id='" + report.trackingId() + "']");
        await().atMost(SOON)
                .until(
                        () -> {
                            console.navigate(
                                    stack.serviceUrl("triage")
                                            + "/console/#/cases?escalated=true&program=moqtail");
                            console.locator("#case-table").waitFor();
                            return row.count() == 1;
                        });
        assertThat(row.locator(".badge-escalated").innerText()).isEqualTo("Escalated");
        String caseId = row.getAttribute("data-case-id");
        console.navigate(stack.serviceUrl("triage") + "/console/#/cases/" + caseId);
        Locator escalation = console.locator("#case-escalations li[data-step='triage']");
        escalation.waitFor();
        assertThat(escalation.innerText()).contains("the reporter escalated triage");
        assertThat(console.locator("#case-escalated").innerText())
                .isEqualTo("Escalated step still open");
        chromium.screenshot(console, "console-case-escalated");
        assertThat(chromium.errorsOn(console)).isEmpty();

        given().auth()
                .oauth2(stack.staffTokens().of("coordinator"))
                .when()
                .get(stack.serviceUrl("triage") + "/api/v1/cases/" + caseId + "/audit")
                .then()
                .statusCode(200)
                .body("action", hasItem("escalation of the late step triage"));
        assertThat(stack.mailbox().subjects(TEAM)).containsOnlyOnce(subject);
    }

    private void awaitTriageState(SubmittedReport report, String state) {
        await().atMost(SOON)
                .untilAsserted(
                        () ->
                                stack.reporter()
                                        .status(report.trackingId(), report.reporterToken())
                                        .then()
                                        .statusCode(200)
                                        .body(
                                                "deadlines.find { it.step == 'triage' }.state",
                                                equalTo(state)));
    }
}
