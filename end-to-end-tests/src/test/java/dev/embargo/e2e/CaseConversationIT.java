package dev.embargo.e2e;

import static dev.embargo.e2e.support.ServiceDatabase.statementsWaitingForALock;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import dev.embargo.e2e.support.Cases;
import dev.embargo.e2e.support.Cases.OpenedCase;
import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Mailbox.ReceivedMail;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Internal notes stay with the team; messages reach the reporter's status page and mailbox, signed
 * by the team.
 */
@ExtendWith(EmbargoStack.class)
class CaseConversationIT {

    private static final String NOTE =
            "Internal: the reporter's PoC also crashes the 0.1 branch, keep quiet until the fix";
    private static final String MESSAGE =
            "Thank you! We reproduced the crash; could you share the exact frame you sent?";

    private RunningStack stack;
    private String triager;
    private SubmittedReport report;
    private String caseId;

    @BeforeEach
    void aCase(RunningStack runningStack) {
        stack = runningStack;
        triager = stack.staffTokens().of("triager");
        OpenedCase opened = Cases.opened(stack, "emek", "Sandbox escape via task prompt");
        report = opened.report();
        caseId = opened.id();
    }

    @Test
    void theReporterReadsTheTeamsMessageOnTheStatusPageAndByEmailButNeverTheNote()
            throws Exception {
        write("notes", NOTE)
                .then()
                .statusCode(201)
                .body("author", equalTo("triager"))
                .body("text", equalTo(NOTE));
        write("messages", MESSAGE).then().statusCode(201);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                stack.reporter()
                                        .status(report.trackingId(), report.reporterToken())
                                        .then()
                                        .statusCode(200)
                                        .body("messages.text", contains(MESSAGE))
                                        .body("messages[0].from", equalTo("security team")));
        String statusPage =
                stack.reporter().status(report.trackingId(), report.reporterToken()).asString();
        assertThat(statusPage).doesNotContain("keep quiet", "triager");

        String subject = "[" + report.trackingId() + "] A message from the security team";
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertThat(stack.mailbox().subjects(report.reporterEmail()))
                                        .contains(subject));
        List<ReceivedMail> mails = stack.mailbox().readOverImap(report.reporterEmail());
        ReceivedMail mail =
                mails.stream()
                        .filter(received -> received.subject().equals(subject))
                        .findFirst()
                        .orElseThrow();
        assertThat(mail.text()).contains(MESSAGE).doesNotContain("keep quiet");
        assertThat(mails).noneMatch(received -> received.text().contains("keep quiet"));
    }

    @Test
    void kafkaCarriesTheMessageSealedAndTheNoteNotAtAll() {
        write("notes", NOTE).then().statusCode(201);
        write("messages", MESSAGE).then().statusCode(201);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> {
                            var events =
                                    stack.lifecycleEvents().readAll().stream()
                                            .filter(event -> event.data().contains(caseId))
                                            .toList();
                            assertThat(events)
                                    .anyMatch(
                                            event -> "case.message.posted.v1".equals(event.type()));
                            assertThat(events)
                                    .allSatisfy(
                                            event ->
                                                    assertThat(event.data())
                                                            .doesNotContain(
                                                                    "reproduced", "keep quiet"));
                        });
    }

    @Test
    void theReporterIsToldOfMovesThatMatterSignedByTheProgramWithRepliesToItsIntakeAddress()
            throws Exception {
        move("triaging").then().statusCode(200);
        move("accepted").then().statusCode(200);
        String subject = "[" + report.trackingId() + "] Your vulnerability report's status changed";
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertThat(stack.mailbox().subjects(report.reporterEmail()))
                                        .containsOnlyOnce(subject));
        ReceivedMail mail =
                stack.mailbox().readOverImap(report.reporterEmail()).stream()
                        .filter(received -> received.subject().equals(subject))
                        .findFirst()
                        .orElseThrow();
        assertThat(mail.text()).contains("is now: accepted", "confirmed the vulnerability");
        // emek (seed 003): its name signs; replies go to its intake address and join the
        // conversation.
        assertThat(mail.from()).startsWith("emek ASIP security team <");
        assertThat(mail.replyTo()).isEqualTo("emek@reports.embargo.localhost");
        // Triaging is not worth an email: the status page shows it.
        assertThat(stack.mailbox().subjects(report.reporterEmail()))
                .filteredOn(received -> received.contains("status changed"))
                .hasSize(1);
    }

    @Test
    void theConversationGoesBothWaysAndTheTeamIsToldTheReporterWrote() {
        write("messages", MESSAGE).then().statusCode(201);
        String reply = "Here is the frame: 0x00 0xff ... it crashes the sandbox at once.";
        stack.reporter()
                .write(report.trackingId(), report.reporterToken(), reply)
                .then()
                .statusCode(201)
                .body("from", equalTo("you"));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                given().auth()
                                        .oauth2(triager)
                                        .when()
                                        .get(cases() + "/" + caseId + "/messages")
                                        .then()
                                        .statusCode(200)
                                        .body("text", contains(MESSAGE, reply))
                                        .body("fromReporter", contains(false, true))
                                        .body("[1].author", equalTo("reporter")));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                stack.reporter()
                                        .status(report.trackingId(), report.reporterToken())
                                        .then()
                                        .statusCode(200)
                                        .body("messages.from", contains("security team", "you")));
        // The team hears that the reporter wrote, not what: the text stays in the case.
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertThat(stack.mailbox().subjects("emek@moltbook.com"))
                                        .contains(
                                                "["
                                                        + report.trackingId()
                                                        + "] New message from the reporter"));
        given().auth()
                .oauth2(triager)
                .when()
                .get(cases() + "/" + caseId + "/audit")
                .then()
                .body("action", hasItems("message from the reporter"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertThat(
                                                stack.lifecycleEvents().readAll().stream()
                                                        .filter(
                                                                event ->
                                                                        "report.message.posted.v1"
                                                                                .equals(
                                                                                        event
                                                                                                .type()))
                                                        .filter(
                                                                event ->
                                                                        event.data()
                                                                                .contains(
                                                                                        report
                                                                                                .trackingId())))
                                        .singleElement()
                                        .satisfies(
                                                event ->
                                                        assertThat(event.data())
                                                                .doesNotContain("sandbox")));
    }

    @Test
    void aTokenRotatedWhileTriageUpdatesTheSameReportStaysRotated() throws Exception {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                stack.reporter()
                                        .status(report.trackingId(), report.reporterToken())
                                        .then()
                                        .body("status", equalTo("acknowledged")));
        ExecutorService reporterSide = Executors.newSingleThreadExecutor();
        try (Connection intake = stack.database("intake");
                Connection watcher = stack.database("intake")) {
            // Holding the row makes both writers read it first and then queue: the rotation, then
            // triage's state change.
            intake.setAutoCommit(false);
            try (PreparedStatement lock =
                    intake.prepareStatement(
                            "SELECT 1 FROM report WHERE tracking_id = ? FOR UPDATE")) {
                lock.setString(1, report.trackingId());
                lock.executeQuery().close();
            }
            Future<Response> rotation =
                    reporterSide.submit(
                            () ->
                                    stack.reporter()
                                            .rotateToken(
                                                    report.trackingId(), report.reporterToken()));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> statementsWaitingForALock(watcher, "update report ") == 1);
            move("triaging").then().statusCode(200);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> statementsWaitingForALock(watcher, "update report ") >= 2);
            intake.rollback();

            String fresh = rotation.get().then().statusCode(200).extract().path("reporterToken");
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(
                            () ->
                                    stack.reporter()
                                            .status(report.trackingId(), fresh)
                                            .then()
                                            .statusCode(200)
                                            .body("status", not(equalTo("acknowledged"))));
            stack.reporter()
                    .status(report.trackingId(), report.reporterToken())
                    .then()
                    .statusCode(404);
        } finally {
            reporterSide.shutdownNow();
        }
    }

    private Response move(String to) {
        return Cases.transition(stack, caseId, Map.of("to", to));
    }

    private Response caseView() {
        return given().auth().oauth2(triager).when().get(cases() + "/" + caseId);
    }

    private Response write(String kind, String text) {
        return given().auth()
                .oauth2(triager)
                .contentType(ContentType.JSON)
                .body(Map.of("text", text))
                .when()
                .post(cases() + "/" + caseId + "/" + kind);
    }

    private String cases() {
        return stack.serviceUrl("triage") + "/api/v1/cases";
    }
}
