package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.matchesPattern;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Mailbox.ReceivedMail;
import dev.embargo.e2e.support.OpenPgpKeyPair;
import dev.embargo.e2e.support.RunningStack;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A reporter who gives an OpenPGP public key gets every email encrypted to it; the subject says
 * nothing secret.
 */
@ExtendWith(EmbargoStack.class)
class ReporterKeyIT {

    private static OpenPgpKeyPair reporterKey;
    private static RunningStack stack;

    @BeforeAll
    static void aReporterWithAKey(RunningStack runningStack) {
        stack = runningStack;
        reporterKey = OpenPgpKeyPair.generate("Reporter <reporter@example.org>");
    }

    @Test
    void theAcknowledgementGoesEncryptedToTheKeyGivenWithTheReport() throws Exception {
        String email = "pgp-" + UUID.randomUUID() + "@example.org";
        Map<String, Object> report = report(email);
        report.put("reporterPublicKey", reporterKey.armoredPublicKey());
        String trackingId =
                stack.reporter().post(report).then().statusCode(201).extract().path("trackingId");

        ReceivedMail acknowledgement =
                mailWithSubject(
                        email, "[" + trackingId + "] We received your vulnerability report");
        assertThat(acknowledgement.text())
                .startsWith("-----BEGIN PGP MESSAGE-----")
                .doesNotContain(trackingId);
        assertThat(reporterKey.decrypt(acknowledgement.text())).contains(trackingId);
    }

    @Test
    void aKeyGivenLaterThroughTheStatusLinkEncryptsTheTeamsNextMessage() throws Exception {
        String email = "pgp-later-" + UUID.randomUUID() + "@example.org";
        Response accepted = stack.reporter().post(report(email));
        String trackingId = accepted.then().statusCode(201).extract().path("trackingId");
        String token = accepted.path("reporterToken");
        mailWithSubject(email, "[" + trackingId + "] We received your vulnerability report");

        given().baseUri(stack.serviceUrl("intake"))
                .header("X-Forwarded-For", "198.18.7." + (1 + (int) (Math.random() * 250)))
                .header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .body(Map.of("publicKey", reporterKey.armoredPublicKey()))
                .when()
                .put("/api/v1/reports/{id}/openpgp-key", trackingId)
                .then()
                .statusCode(200)
                .body("fingerprint", matchesPattern("[0-9A-F]{40}"));

        String triager = stack.staffTokens().of("triager");
        String cases = stack.serviceUrl("triage") + "/api/v1/cases";
        String caseId =
                await().atMost(Duration.ofSeconds(20))
                        .until(
                                () ->
                                        given().auth()
                                                .oauth2(triager)
                                                .queryParam("size", 500)
                                                .when()
                                                .get(cases)
                                                .then()
                                                .extract()
                                                .jsonPath()
                                                .getString(
                                                        "find { it.trackingId == '%s' }.id"
                                                                .formatted(trackingId)),
                                id -> id != null);
        String secret = "The fix lands in 1.4.2 on Friday " + UUID.randomUUID();
        given().auth()
                .oauth2(triager)
                .contentType("application/json")
                .body(Map.of("text", secret))
                .when()
                .post(cases + "/" + caseId + "/messages")
                .then()
                .statusCode(201);

        ReceivedMail message =
                mailWithSubject(email, "[" + trackingId + "] A message from the security team");
        assertThat(message.text()).doesNotContain(secret);
        assertThat(reporterKey.decrypt(message.text())).contains(secret);
    }

    private static ReceivedMail mailWithSubject(String address, String subject) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                stack.mailbox().readOverImap(address).stream()
                                        .filter(mail -> mail.subject().equals(subject))
                                        .findFirst()
                                        .orElse(null),
                        found -> found != null);
    }

    private static Map<String, Object> report(String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("program", "pea2pea");
        body.put("title", "Handshake panic with an oversized nonce");
        body.put("description", "Send a nonce of 65 536 bytes; the node panics.");
        body.put("reporterEmail", email);
        return body;
    }
}
