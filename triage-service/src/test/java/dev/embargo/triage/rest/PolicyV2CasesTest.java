package dev.embargo.triage.rest;

import static dev.embargo.triage.rest.CaseCalls.get;
import static dev.embargo.triage.rest.CaseCalls.move;
import static dev.embargo.triage.rest.CaseCalls.post;
import static dev.embargo.triage.rest.CaseCalls.put;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.embargo.triage.IntakeEvents;
import dev.embargo.triage.TriageDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cases under a program file v2 (programs/tracks-and-targets.yaml): a target is warned about and
 * never breached, a coordinator puts a case on a track, a step anchored on triage gets its due time
 * when triage ends, a report already public switches to the expedited track, a fix release recorded
 * before publication starts the disclosure step, a policy silent on extensions allows them, and the
 * release list is kept through the API.
 */
@QuarkusTest
@TestSecurity(
        user = "cora",
        roles = {"coordinator", "admin"})
class PolicyV2CasesTest {

    private static final String PROGRAM = "tracks-and-targets";
    private static final Duration SEVERAL_SCANS = Duration.ofSeconds(4);

    @Inject IntakeEvents intake;

    @Inject TriageDatabase database;

    private String caseId;

    @BeforeEach
    void aCaseOfTheProgram() {
        given().contentType("application/yaml")
                .body(fixture())
                .when()
                .put("/api/v1/programs/" + PROGRAM)
                .then()
                .statusCode(200);
        caseId = intake.openCase(PROGRAM, "Parser overflow", "A long header overflows a buffer.");
    }

    @AfterEach
    void clockBackInStep() {
        runClockAheadBy(Duration.ZERO);
    }

    @Test
    void aTargetIsWarnedAboutOnceAndNeverBreached() {
        get(caseId, "/deadlines")
                .then()
                .statusCode(200)
                .body("find { it.step == 'triage' }.firm", equalTo(false));
        Instant due =
                Instant.parse(get(caseId, "/deadlines").path("find { it.step == 'triage' }.dueAt"));

        runClockAheadBy(
                Duration.between(Instant.now(), due).plusHours(1).truncatedTo(ChronoUnit.SECONDS));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                get(caseId, "/deadlines")
                                        .then()
                                        .body(
                                                "find { it.step == 'triage' }.standing",
                                                equalTo("warned")));
        await().during(SEVERAL_SCANS)
                .atMost(SEVERAL_SCANS.plusSeconds(5))
                .untilAsserted(
                        () -> {
                            assertThat(announced("deadline.approaching.v2")).isEqualTo(1);
                            assertThat(announced("deadline.breached.v2")).isZero();
                        });
        get(caseId, "").then().body("overdue", equalTo(false));
    }

    @Test
    void aCoordinatorPutsTheCaseOnATrackAndItsFixRunsFromTheEndOfTriage() {
        put(caseId, "/track", Map.of("track", "private", "reason", "Affects every user"))
                .then()
                .statusCode(200)
                .body("track", equalTo("private"))
                .body("deadlines.find { it.step == 'fix' }?.dueAt", equalTo(null));
        assertThat(database.outboxEvents("case.deadlines.changed.v4", caseId)).isEqualTo(1);
        get(caseId, "/audit")
                .then()
                .body("action", hasItem("track private"))
                .body("detail", hasItem("Affects every user"));

        move(caseId, "triaging").then().statusCode(200);
        Instant triaged = Instant.now();
        Instant fixDue =
                Instant.parse(
                        move(caseId, "accepted")
                                .then()
                                .statusCode(200)
                                .extract()
                                .path("deadlines.find { it.step == 'fix' }.dueAt"));

        assertThat(fixDue)
                .isBetween(
                        triaged.plus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(30)));
    }

    @Test
    void aReportAlreadyPublicSwitchesTheCaseToTheExpeditedTrack() {
        Instant before = Instant.now();
        Instant triageDue =
                Instant.parse(
                        post(caseId, "/already-public", Map.of("reason", "Posted on a forum"))
                                .then()
                                .statusCode(200)
                                .body("alreadyPublic", equalTo(true))
                                .body("deadlines.find { it.step == 'triage' }.firm", equalTo(true))
                                .extract()
                                .path("deadlines.find { it.step == 'triage' }.dueAt"));

        assertThat(triageDue).isBefore(before.plus(Duration.ofDays(2)));
        assertThat(database.outboxPayloads("case.deadlines.changed.v4", caseId))
                .singleElement()
                .asString()
                .contains("\"cause\":\"expedited\"");
        get(caseId, "/audit")
                .then()
                .body("action", hasItem("already public"))
                .body("detail", hasItem("Posted on a forum"));
    }

    @Test
    void aFixReleaseRecordedBeforePublicationStartsTheDisclosureStep() {
        get(caseId, "")
                .then()
                .body("deadlines.find { it.step == 'disclosure' }?.dueAt", equalTo(null));
        Instant released = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);

        put(
                        caseId,
                        "/fix-release",
                        Map.of("releasedAt", released.toString(), "reason", "Shipped in 2.4.2"))
                .then()
                .statusCode(200)
                .body("fixReleasedAt", equalTo(released.toString()))
                .body(
                        "deadlines.find { it.step == 'disclosure' }.dueAt",
                        equalTo(released.plus(Duration.ofDays(7)).toString()));
        get(caseId, "/audit")
                .then()
                .body("action", hasItem("fix released at " + released))
                .body("detail", hasItem("Shipped in 2.4.2"));
    }

    @Test
    void aFixReleaseInTheFutureIsRefused() {
        put(
                        caseId,
                        "/fix-release",
                        Map.of("releasedAt", Instant.now().plus(Duration.ofDays(1)).toString()))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("releasedAt"));
    }

    @Test
    void aTrackThePolicyDoesNotHaveIsRefusedWithItsTracks() {
        put(caseId, "/track", Map.of("track", "urgent", "reason", "Looks bad"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("track"))
                .body("errors[0].message", containsString("public"));
    }

    @Test
    void aPolicySilentOnExtensionsAllowsOneWithItsReason() {
        post(
                        caseId,
                        "/extensions",
                        Map.of(
                                "step",
                                "triage",
                                "by",
                                "7d",
                                "reason",
                                "Reproduction needs hardware",
                                "reporterAgreed",
                                false))
                .then()
                .statusCode(200);
        get(caseId, "/audit").then().body("detail", hasItem("Reproduction needs hardware"));
    }

    @Test
    void reportedVersionsAreJudgedByTheReleaseListInForce() {
        assertThat(supportOf("2.3.1", "2.2.9")).containsExactly("SUPPORTED", "UNSUPPORTED");
        int before = given().when().get("/api/v1/programs/" + PROGRAM).path("revision");

        given().contentType(ContentType.JSON)
                .body(
                        List.of(
                                Map.of("version", "2.5.0", "date", "2026-12-01"),
                                Map.of("version", "2.4.1"),
                                Map.of("version", "2.3.7")))
                .when()
                .put("/api/v1/programs/" + PROGRAM + "/releases")
                .then()
                .statusCode(200)
                .body("revision", equalTo(before + 1))
                .body("program.releases.version", hasItem("2.5.0"));

        assertThat(supportOf("2.3.1", "2.4.0")).containsExactly("UNSUPPORTED", "SUPPORTED");
    }

    @Test
    void aReleaseListThatIsNotOneIsRefusedWholeNamingTheField() {
        given().contentType(ContentType.JSON)
                .body(List.of(Map.of("version", "2.5.0", "date", "2026-02-30")))
                .when()
                .put("/api/v1/programs/" + PROGRAM + "/releases")
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .body(List.of(Map.of("date", "2026-12-01")))
                .when()
                .put("/api/v1/programs/" + PROGRAM + "/releases")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem(containsString("releases[0]")));
    }

    /** The support of each affected version when staff decide the case's scope now. */
    private List<String> supportOf(String... affected) {
        return put(
                        caseId,
                        "/scope",
                        Map.of(
                                "scopeClass",
                                "library",
                                "affectedVersions",
                                List.of(affected),
                                "fixedVersions",
                                List.of(),
                                "reason",
                                "Checked the versions"))
                .then()
                .statusCode(200)
                .extract()
                .path("versions.support");
    }

    /** Events of the type staged for this case's triage deadline. */
    private long announced(String eventType) {
        return database.outboxPayloads(eventType, caseId).stream()
                .filter(payload -> payload.contains("\"triage\""))
                .count();
    }

    private static void runClockAheadBy(Duration offset) {
        given().contentType(ContentType.JSON)
                .body(Map.of("offset", offset.toString()))
                .when()
                .put("/api/v1/clock")
                .then()
                .statusCode(200);
    }

    private static byte[] fixture() {
        try (InputStream in =
                PolicyV2CasesTest.class
                        .getClassLoader()
                        .getResourceAsStream("programs/tracks-and-targets.yaml")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
