package dev.embargo.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.embargo.intake.support.IntakeDatabase;
import dev.embargo.intake.support.OpenPgpKeys;
import dev.embargo.intake.support.Programs;
import dev.embargo.intake.support.Researcher;
import dev.embargo.intake.support.Researcher.Receipt;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reporter's status link: readable with the token only, the token replaceable, the conversation
 * and the key.
 */
@QuarkusTest
class ReporterStatusTest {

    private final Researcher researcher = Researcher.fresh();

    @Inject IntakeDatabase database;

    @BeforeEach
    void seedPrograms() {
        Programs.publishSeeds();
    }

    @Test
    void theReporterReadsTheReportWithTheToken() {
        Map<String, Object> report = Researcher.report("emek");
        report.put("title", "Sandbox escape through a task");
        Receipt receipt = researcher.submitted(report);

        researcher
                .status(receipt.trackingId(), receipt.token())
                .then()
                .statusCode(200)
                .body("trackingId", equalTo(receipt.trackingId()))
                .body("program", equalTo("emek"))
                .body("title", equalTo("Sandbox escape through a task"))
                .body("status", equalTo("submitted"))
                .body("submittedAt", notNullValue())
                .body("messages", empty())
                .body("attachments", empty());
    }

    @Test
    void aWrongOrMissingTokenLooksExactlyLikeAnUnknownReport() {
        Receipt receipt = researcher.submitted(Researcher.report("pea2pea"));
        Receipt another = researcher.submitted(Researcher.report("pea2pea"));

        String unknown = notFound(researcher.status("EMB-1999-99999", receipt.token()));
        assertThat(
                        List.of(
                                notFound(researcher.status(receipt.trackingId(), "not-the-token")),
                                notFound(researcher.status(receipt.trackingId(), another.token())),
                                notFound(researcher.status(receipt.trackingId(), null)),
                                notFound(
                                        researcher
                                                .request()
                                                .header("Authorization", "Basic " + receipt.token())
                                                .when()
                                                .get("/api/v1/reports/{id}", receipt.trackingId())),
                                notFound(researcher.status("not-a-tracking-id", receipt.token()))))
                .containsOnly(unknown);
    }

    @Test
    void aRotatedTokenReplacesTheOldOneAtOnce() {
        Receipt receipt = researcher.submitted(Researcher.report("pea2pea"));

        String fresh =
                researcher
                        .withToken(receipt.token())
                        .when()
                        .post("/api/v1/reports/{id}/token", receipt.trackingId())
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("reporterToken");

        assertThat(fresh).isNotEqualTo(receipt.token()).hasSizeGreaterThanOrEqualTo(43);
        researcher.status(receipt.trackingId(), fresh).then().statusCode(200);
        researcher.status(receipt.trackingId(), receipt.token()).then().statusCode(404);
        researcher
                .withToken(receipt.token())
                .when()
                .post("/api/v1/reports/{id}/token", receipt.trackingId())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theReportersMessageIsShownSealedAtRestAndAnnouncedInTheSameTransaction() {
        Receipt receipt = researcher.submitted(Researcher.report("moqtail"));

        researcher
                .withToken(receipt.token())
                .contentType("application/json")
                .body(Map.of("text", "zebra: one more detail"))
                .when()
                .post("/api/v1/reports/{id}/messages", receipt.trackingId())
                .then()
                .statusCode(201)
                .body("from", equalTo("you"))
                .body("text", equalTo("zebra: one more detail"));

        researcher
                .status(receipt.trackingId(), receipt.token())
                .then()
                .statusCode(200)
                .body("messages.text", equalTo(List.of("zebra: one more detail")));
        Map<String, Object> stored =
                database.row(
                        "SELECT m.id::text AS id, m.sealed_body FROM report_message m"
                                + " JOIN report r ON r.id = m.report_id WHERE r.tracking_id = ?",
                        receipt.trackingId());
        assertThat((String) stored.get("sealed_body"))
                .startsWith("enc:v1:")
                .doesNotContain("zebra");
        assertThat(
                        database.count(
                                "SELECT count(*) FROM outbox_event WHERE event_type ="
                                        + " 'report.message.posted.v1' AND payload LIKE ?",
                                "%" + stored.get("id") + "%"))
                .isEqualTo(1);
    }

    @Test
    void aMessageNeedsTheTokenAndSomeText() {
        Receipt receipt = researcher.submitted(Researcher.report("moqtail"));

        researcher
                .withToken("not-the-token")
                .contentType("application/json")
                .body(Map.of("text", "hello"))
                .when()
                .post("/api/v1/reports/{id}/messages", receipt.trackingId())
                .then()
                .statusCode(404);
        researcher
                .withToken(receipt.token())
                .contentType("application/json")
                .body(Map.of("text", " "))
                .when()
                .post("/api/v1/reports/{id}/messages", receipt.trackingId())
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("text"));
        researcher
                .withToken(receipt.token())
                .contentType("application/json")
                .body(Map.of("text", "x".repeat(20_001)))
                .when()
                .post("/api/v1/reports/{id}/messages", receipt.trackingId())
                .then()
                .statusCode(400);
        assertThat(
                        database.count(
                                "SELECT count(*) FROM report_message m JOIN report r ON r.id ="
                                        + " m.report_id WHERE r.tracking_id = ?",
                                receipt.trackingId()))
                .isZero();
    }

    @Test
    void aKeyGivenThroughTheStatusLinkIsHandedToNotifyWithItsFingerprint() {
        Receipt receipt = researcher.submitted(Researcher.report("pea2pea"));
        OpenPgpKeys key = OpenPgpKeys.generate("Ada <ada@example.org>");

        researcher
                .withToken(receipt.token())
                .contentType("application/json")
                .body(Map.of("publicKey", key.armored()))
                .when()
                .put("/api/v1/reports/{id}/openpgp-key", receipt.trackingId())
                .then()
                .statusCode(200)
                .body("fingerprint", equalTo(key.fingerprint()));

        assertThat(
                        database.count(
                                "SELECT count(*) FROM outbox_event e JOIN report r ON e.event_key ="
                                        + " r.id::text WHERE r.tracking_id = ? AND e.event_type ="
                                        + " 'report.reporter.key.provided.v1'",
                                receipt.trackingId()))
                .isEqualTo(1);
    }

    @Test
    void aKeyIsRefusedWithoutTheTokenOrWhenNoEmailCouldBeEncryptedToIt() {
        Receipt receipt = researcher.submitted(Researcher.report("pea2pea"));

        researcher
                .withToken("not-the-token")
                .contentType("application/json")
                .body(Map.of("publicKey", OpenPgpKeys.generate("Eve <eve@example.org>").armored()))
                .when()
                .put("/api/v1/reports/{id}/openpgp-key", receipt.trackingId())
                .then()
                .statusCode(404);
        researcher
                .withToken(receipt.token())
                .contentType("application/json")
                .body(Map.of("publicKey", "not a key"))
                .when()
                .put("/api/v1/reports/{id}/openpgp-key", receipt.trackingId())
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        assertThat(
                        database.count(
                                "SELECT count(*) FROM outbox_event e JOIN report r ON e.event_key ="
                                        + " r.id::text WHERE r.tracking_id = ? AND e.event_type ="
                                        + " 'report.reporter.key.provided.v1'",
                                receipt.trackingId()))
                .isZero();
    }

    private static String notFound(io.restassured.response.Response response) {
        return response.then()
                .statusCode(404)
                .contentType("application/problem+json")
                .extract()
                .path("detail");
    }
}
