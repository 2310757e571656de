package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Mailbox;
import dev.embargo.e2e.support.Mailbox.Attachment;
import dev.embargo.e2e.support.RunningStack;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The email channel: mail to a program's intake address (here the local mail server's mailbox
 * {@code emek@reports.embargo.localhost}) becomes a report with the sender as contact and its files
 * kept; a reply naming the tracking id joins that report's conversation.
 */
@ExtendWith(EmbargoStack.class)
class EmailIntakeIT {

    private static final String INTAKE_ADDRESS = "emek@reports.embargo.localhost";
    private static final Pattern TRACKING_ID = Pattern.compile("EMB-[0-9]{4}-[0-9]{5,}");
    private static final byte[] PNG =
            Base64.getDecoder()
                    .decode(
                            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private RunningStack stack;
    private Mailbox mail;
    private String triager;

    @BeforeEach
    void stack(RunningStack runningStack) {
        stack = runningStack;
        mail = stack.mailbox();
        triager = stack.staffTokens().of("triager");
    }

    @Test
    void anEmailBecomesAReportWithTheSenderAsContactAndItsAttachmentKept() throws Exception {
        String researcher = "mailer-" + UUID.randomUUID() + "@example.org";
        String title = "Reputation forged over the DHT " + UUID.randomUUID();
        mail.send(
                mail.compose(
                        researcher,
                        INTAKE_ADDRESS,
                        title,
                        "A peer can claim any reputation; PoC attached.",
                        new Attachment("poc.txt", "application/octet-stream", PNG),
                        new Attachment(
                                "run.exe",
                                "image/png",
                                new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0})));

        String trackingId = acknowledgedTrackingId(researcher);
        JsonPath found = caseOf(trackingId);
        assertThat(found.getString("title")).isEqualTo(title);
        assertThat(found.getString("program")).isEqualTo("emek");

        String files =
                stack.serviceUrl("intake") + "/api/v1/staff/reports/" + trackingId + "/attachments";
        String id =
                given().auth()
                        .oauth2(triager)
                        .when()
                        .get(files)
                        .then()
                        .statusCode(200)
                        .body("name", equalTo(List.of("poc.txt")))
                        .body("mediaType", equalTo(List.of("image/png")))
                        .extract()
                        .path("[0].id");
        assertThat(
                        given().auth()
                                .oauth2(triager)
                                .when()
                                .get(files + "/" + id)
                                .then()
                                .statusCode(200)
                                .extract()
                                .asByteArray())
                .isEqualTo(PNG);
        // The executable was not kept, and the team is told so in the report.
        String caseId = found.getString("id");
        given().auth()
                .oauth2(triager)
                .when()
                .get(cases() + "/" + caseId + "/report")
                .then()
                .statusCode(200)
                .body(
                        "description",
                        org.hamcrest.Matchers.startsWith("A peer can claim any reputation"))
                .body("description", org.hamcrest.Matchers.containsString("'run.exe'"))
                .body(
                        "attachments",
                        equalTo("/api/v1/staff/reports/" + trackingId + "/attachments"));
    }

    @Test
    void aReplyCarryingTheTrackingIdJoinsTheConversationInsteadOfOpeningAReport() throws Exception {
        String researcher = "replier-" + UUID.randomUUID() + "@example.org";
        mail.send(
                mail.compose(
                        researcher,
                        INTAKE_ADDRESS,
                        "Task sandbox escape " + UUID.randomUUID(),
                        "Details inside."));
        String trackingId = acknowledgedTrackingId(researcher);
        String caseId = caseOf(trackingId).getString("id");

        String reply = "Here is the crash log you asked for. " + UUID.randomUUID();
        mail.send(
                mail.compose(
                        researcher,
                        INTAKE_ADDRESS,
                        "Re: [" + trackingId + "] We received your vulnerability report",
                        reply,
                        new Attachment(
                                "crash.log",
                                "text/plain",
                                "SIGSEGV at 0xdeadbeef\n".getBytes(StandardCharsets.UTF_8))));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().auth()
                                        .oauth2(triager)
                                        .when()
                                        .get(cases() + "/" + caseId + "/messages")
                                        .then()
                                        .statusCode(200)
                                        .body(
                                                "find { it.text == '%s' }.fromReporter"
                                                        .formatted(reply),
                                                equalTo(true)));
        given().auth()
                .oauth2(triager)
                .when()
                .get(
                        stack.serviceUrl("intake")
                                + "/api/v1/staff/reports/"
                                + trackingId
                                + "/attachments")
                .then()
                .statusCode(200)
                .body("name", equalTo(List.of("crash.log")));
        // The reply opened no report of its own: the researcher was acknowledged once.
        assertThat(mail.subjects(researcher))
                .filteredOn(subject -> subject.contains("received"))
                .hasSize(1);

        // Someone else quoting the tracking id does not write into that report: theirs is a new
        // one.
        String stranger = "stranger-" + UUID.randomUUID() + "@example.org";
        mail.send(
                mail.compose(
                        stranger,
                        INTAKE_ADDRESS,
                        "Re: [" + trackingId + "] more",
                        "Let me in on it."));
        String strangersId = acknowledgedTrackingId(stranger);
        assertThat(strangersId).isNotEqualTo(trackingId);
        given().auth()
                .oauth2(triager)
                .when()
                .get(cases() + "/" + caseId + "/messages")
                .then()
                .statusCode(200)
                .body("findAll { it.text == 'Let me in on it.' }", org.hamcrest.Matchers.empty());
    }

    @Test
    void theSameEmailReadTwiceIsOneReport() throws Exception {
        String researcher = "twice-" + UUID.randomUUID() + "@example.org";
        MimeMessage message =
                mail.compose(
                        researcher,
                        INTAKE_ADDRESS,
                        "Duplicate delivery " + UUID.randomUUID(),
                        "Once, please.");
        mail.send(message);
        mail.send(message);

        acknowledgedTrackingId(researcher);
        // Both copies were read (the mailbox is empty again), one report was made.
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                mail.subjects(INTAKE_ADDRESS).stream()
                                        .noneMatch(
                                                subject ->
                                                        subject.startsWith("Duplicate delivery")));
        Thread.sleep(2_000);
        assertThat(mail.subjects(researcher))
                .filteredOn(subject -> subject.contains("received"))
                .hasSize(1);
    }

    @Test
    void anAutomaticReplyIsSetAsideForAHumanAndOpensNoReport() throws Exception {
        String robot = "robot-" + UUID.randomUUID() + "@example.org";
        String subject = "Out of office " + UUID.randomUUID();
        MimeMessage outOfOffice =
                mail.compose(robot, INTAKE_ADDRESS, subject, "I am away until Monday.");
        outOfOffice.setHeader("Auto-Submitted", "auto-replied");
        mail.send(outOfOffice);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertThat(mail.subjectsIn(INTAKE_ADDRESS, "Embargo-Refused"))
                                        .contains(subject));
        assertThat(mail.subjects(INTAKE_ADDRESS)).doesNotContain(subject);
        assertThat(mail.subjects(robot)).isEmpty();
    }

    /** The tracking id from the acknowledgement emailed to the researcher. */
    private String acknowledgedTrackingId(String researcher) {
        String subject =
                await().atMost(Duration.ofSeconds(30))
                        .until(
                                () ->
                                        mail.subjects(researcher).stream()
                                                .filter(candidate -> candidate.contains("received"))
                                                .findFirst()
                                                .orElse(null),
                                found -> found != null);
        Matcher id = TRACKING_ID.matcher(subject);
        assertThat(id.find()).as("tracking id in '%s'", subject).isTrue();
        return id.group();
    }

    private JsonPath caseOf(String trackingId) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            JsonPath cases =
                                    given().auth()
                                            .oauth2(triager)
                                            .queryParams(Map.of("program", "emek", "size", 500))
                                            .when()
                                            .get(cases())
                                            .then()
                                            .statusCode(200)
                                            .extract()
                                            .jsonPath();
                            String id =
                                    cases.getString(
                                            "find { it.trackingId == '%s' }.id"
                                                    .formatted(trackingId));
                            return id == null
                                    ? null
                                    : given().auth()
                                            .oauth2(triager)
                                            .when()
                                            .get(cases() + "/" + id)
                                            .then()
                                            .statusCode(200)
                                            .extract()
                                            .jsonPath();
                        },
                        found -> found != null);
    }

    private String cases() {
        return stack.serviceUrl("triage") + "/api/v1/cases";
    }
}
