package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.microsoft.playwright.Page;
import dev.embargo.e2e.support.Cases;
import dev.embargo.e2e.support.Cases.OpenedCase;
import dev.embargo.e2e.support.Chromium;
import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Mailbox.ReceivedMail;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import dev.embargo.e2e.support.StaffConsole;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A case waiting for its reporter's answer (needs_info) stops the team's clock: the answer moves
 * triage and fix by exactly the time waited, and silence closes the case as "no response" by
 * triage's clock, run ahead with the test stack's clock control. moqtail's policy sets triage (7
 * days), the fix (30) and disclosure (30, which a pause never moves).
 */
@ExtendWith(EmbargoStack.class)
class NeedsInfoPauseIT {

    private static final String PROGRAM = "moqtail";
    private static final String QUESTION = "Which subscriber role did the crafted selector use?";
    private static final DateTimeFormatter MESSAGE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @RegisterExtension static final Chromium chromium = Chromium.launch();

    private RunningStack stack;
    private String triager;
    private SubmittedReport report;
    private String caseId;

    @BeforeEach
    void aCaseInTriage(RunningStack runningStack) {
        stack = runningStack;
        triager = stack.staffTokens().of("triager");
        OpenedCase opened =
                Cases.opened(
                        stack,
                        PROGRAM,
                        "Selector reads beyond the role "
                                + UUID.randomUUID().toString().substring(0, 8));
        report = opened.report();
        caseId = opened.id();
        Cases.transition(stack, caseId, Map.of("to", "triaging")).then().statusCode(200);
    }

    @AfterEach
    void triagesClockBackInStep() {
        stack.triageClock().reset();
    }

    @Test
    void theAnswerMovesTriageAndFixByExactlyTheTimeTheTeamWaitedAndDisclosureNot() {
        JsonPath before = caseView();
        Instant askedNoEarlierThan = Instant.now();
        JsonPath asked = ask();
        Instant pausedAt = Instant.parse(asked.getString("pausedAt"));
        assertThat(pausedAt).isAfterOrEqualTo(askedNoEarlierThan.minusSeconds(1));
        assertThat(asked.getString("deadlines.find { it.step == 'triage' }.dueAt"))
                .as("the due time stays while paused; it moves when the clock resumes")
                .isEqualTo(before.getString("deadlines.find { it.step == 'triage' }.dueAt"));

        stack.triageClock().runAhead(Duration.ofDays(2));
        stack.reporter()
                .write(report.trackingId(), report.reporterToken(), "The guest role.")
                .then()
                .statusCode(201);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> caseView().getString("state"), equalTo("triaging"));
        Duration waitedAtMost =
                Duration.ofDays(2).plus(Duration.between(askedNoEarlierThan, Instant.now()));

        JsonPath resumed = caseView();
        Duration paused = Duration.parse(resumed.getString("pausedFor"));
        assertThat(paused).isBetween(Duration.ofDays(2), waitedAtMost);
        assertThat(resumed.getString("pausedAt")).isNull();
        for (String step : List.of("triage", "fix")) {
            assertThat(due(resumed, step)).as(step).isEqualTo(due(before, step).plus(paused));
            assertThat(scheduled(step).get("standing")).as(step).isNotEqualTo("paused");
            assertThat(Instant.parse((String) scheduled(step).get("dueAt")))
                    .as("%s as the scheduler watches it", step)
                    .isEqualTo(due(before, step).plus(paused));
        }
        assertThat(due(resumed, "disclosure")).isEqualTo(due(before, "disclosure"));
        assertThat(audit().getList("action", String.class))
                .contains(
                        "state triaging -> needs_info",
                        "state needs_info -> triaging",
                        "clock resumed after " + paused + ": triage and fix moved by it")
                .anyMatch(action -> action.startsWith("clock paused: waiting for the reporter"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertThat(
                                                stack.lifecycleEvents().readAll().stream()
                                                        .filter(
                                                                event ->
                                                                        "case.deadlines.changed.v4"
                                                                                .equals(
                                                                                        event
                                                                                                .type()))
                                                        .filter(
                                                                event ->
                                                                        event.data()
                                                                                .contains(caseId))
                                                        .map(event -> event.data()))
                                        .anyMatch(data -> data.contains("\"paused\""))
                                        .anyMatch(data -> data.contains("\"resumed\"")));
    }

    @Test
    void anUnansweredQuestionIsRemindedHalfwayAndClosesAsNoResponseWhenTheSilenceEnds()
            throws Exception {
        Instant triageDue = due(caseView(), "triage");
        Instant pausedAt = Instant.parse(ask().getString("pausedAt"));
        Instant closeAt = closeAtNamedByTheAudit();
        assertThat(closeAt).isAfter(triageDue);
        Instant halfway = pausedAt.plus(Duration.between(pausedAt, closeAt).dividedBy(2));

        // Halfway, past triage's due time: the reporter is reminded, the paused triage is not late.
        stack.triageClock().moveTo(halfway.plus(Duration.ofMinutes(1)));
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                reporterMessages().stream()
                                        .anyMatch(text -> text.startsWith("A reminder")));
        assertThat(reporterMessages())
                .filteredOn(text -> text.startsWith("A reminder"))
                .singleElement()
                .satisfies(text -> assertThat(text).contains(MESSAGE_TIME.format(closeAt)));
        assertThat(caseView().getString("state")).isEqualTo("needs_info");
        assertThat(scheduled("triage").get("standing")).isEqualTo("paused");
        assertThat(scheduled("triage").get("breachedAt")).isNull();

        // A minute before the silence ends nothing closes; a minute after, the case is closed.
        stack.triageClock().moveTo(closeAt.minus(Duration.ofMinutes(1)));
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> caseView().getString("state"), equalTo("needs_info"));
        stack.triageClock().moveTo(closeAt.plus(Duration.ofMinutes(1)));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> caseView().getString("state"), equalTo("closed"));

        JsonPath trail = audit();
        Map<String, Object> closed =
                trail.getMap("find { it.action == 'state needs_info -> closed' }");
        assertThat(closed).containsEntry("detail", "no response from the reporter");
        assertThat(Instant.parse((String) closed.get("at")))
                .as("closed by triage's clock, once the silence ended")
                .isBetween(closeAt, closeAt.plus(Duration.ofMinutes(2)));
        assertThat(scheduled("triage").get("breachedAt")).isNull();

        // The reporter is told on the status page and by email, with until when an answer reopens.
        String closing = "We closed this report as \"no response\"";
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                reporterMessages().stream()
                                        .anyMatch(text -> text.startsWith(closing)));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                stack.reporter()
                                        .status(report.trackingId(), report.reporterToken())
                                        .then()
                                        .body("status", equalTo("closed")));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(stack.mailbox().readOverImap(report.reporterEmail()))
                                        .extracting(ReceivedMail::text)
                                        .anyMatch(text -> text.contains(closing)));
    }

    @Test
    void theCasePageShowsThePausedClockAndAfterTheAnswerTheMovedDueTimes() {
        Instant triageDue = due(caseView(), "triage");
        Page page = StaffConsole.signIn(chromium, stack, "triager");
        page.navigate(stack.serviceUrl("triage") + "/console/#/cases/" + caseId);
        page.locator("#needs-info-question").fill(QUESTION);
        page.locator("button[data-transition='needs_info']").click();
        page.locator("#case-paused").waitFor();
        assertThat(page.locator("#case-summary").innerText())
                .contains("Paused waiting for the reporter since");
        page.locator("#deadlines li[data-step='triage'][data-standing='paused']").waitFor();
        assertThat(page.locator("#deadlines li[data-step='triage']").innerText())
                .contains("Paused: waiting for the reporter");
        page.locator("#audit-trail")
                .getByText("clock paused: waiting for the reporter's answer")
                .waitFor();
        chromium.screenshot(page, "console-case-paused");
        assertThat(chromium.accessibilityViolations(page)).as("paused case").isEmpty();

        stack.triageClock().runAhead(Duration.ofDays(2));
        stack.reporter()
                .write(report.trackingId(), report.reporterToken(), "The guest role.")
                .then()
                .statusCode(201);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> caseView().getString("state"), equalTo("triaging"));
        Duration paused = Duration.parse(caseView().getString("pausedFor"));

        // Back through the queue: the page shows the case as the API now answers it.
        page.navigate(stack.serviceUrl("triage") + "/console/#/cases");
        page.navigate(stack.serviceUrl("triage") + "/console/#/cases/" + caseId);
        page.locator("#case-paused-for").waitFor();
        assertThat(page.locator("#case-paused").count()).isZero();
        assertThat(page.locator("#case-paused-for").innerText())
                .isEqualTo("triage and fix moved by " + paused);
        page.locator("#deadlines li[data-step='triage']:not([data-standing='paused'])").waitFor();
        assertThat(
                        Instant.parse(
                                page.locator("#deadlines li[data-step='triage'] .deadline-due time")
                                        .getAttribute("datetime")))
                .isEqualTo(triageDue.plus(paused));
        page.locator("#audit-trail").getByText("clock resumed after " + paused).waitFor();
        chromium.screenshot(page, "console-case-resumed");
        assertThat(chromium.errorsOn(page)).isEmpty();
    }

    /** Moves the case to needs_info with the question; the case as the API answered. */
    private JsonPath ask() {
        JsonPath asked =
                Cases.transition(stack, caseId, Map.of("to", "needs_info", "question", QUESTION))
                        .then()
                        .statusCode(200)
                        .body("state", equalTo("needs_info"))
                        .extract()
                        .jsonPath();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                stack.reporter()
                                        .status(report.trackingId(), report.reporterToken())
                                        .then()
                                        .body("messages.text", hasItem(QUESTION)));
        return asked;
    }

    /** When the silence ends, as the audit line of the pause names it (the stack's setting). */
    private Instant closeAtNamedByTheAudit() {
        String paused =
                audit().getList("action", String.class).stream()
                        .filter(action -> action.startsWith("clock paused:"))
                        .findFirst()
                        .orElseThrow();
        return OffsetDateTime.parse(paused.substring(paused.indexOf(" at ") + " at ".length()))
                .toInstant();
    }

    private List<String> reporterMessages() {
        return stack.reporter()
                .status(report.trackingId(), report.reporterToken())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("messages.text", String.class);
    }

    private static Instant due(JsonPath view, String step) {
        return Instant.parse(
                view.getString("deadlines.find { it.step == '%s' }.dueAt".formatted(step)));
    }

    /** The step's deadline as triage's scheduler watches it. */
    private Map<String, Object> scheduled(String step) {
        return given().auth()
                .oauth2(triager)
                .when()
                .get(theCase() + "/deadlines")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("find { it.step == '%s' }".formatted(step));
    }

    private JsonPath caseView() {
        return given().auth()
                .oauth2(triager)
                .when()
                .get(theCase())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private JsonPath audit() {
        return given().auth()
                .oauth2(triager)
                .when()
                .get(theCase() + "/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private String theCase() {
        return stack.serviceUrl("triage") + "/api/v1/cases/" + caseId;
    }
}
