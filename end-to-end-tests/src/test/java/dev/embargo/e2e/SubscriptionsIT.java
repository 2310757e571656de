package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.e2e.support.Cases;
import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import dev.embargo.e2e.support.WebhookReceivers;
import dev.embargo.e2e.support.WebhookReceivers.Received;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A coordinator's subscription on the real stack: case.state.changed of one program arrives signed,
 * as CloudEvents JSON, through a receiver that fails three times, and never with report text.
 */
@ExtendWith(EmbargoStack.class)
class SubscriptionsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSubscriptionGetsItsProgramsStateChangesSignedAndWithoutReportText(RunningStack stack)
            throws Exception {
        String coordinator = stack.staffTokens().of("coordinator");
        try (WebhookReceivers receivers = new WebhookReceivers()) {
            receivers.failFirst("/emek", 3);
            String secret =
                    given().auth()
                            .oauth2(coordinator)
                            .contentType("application/json")
                            .body(
                                    Map.of(
                                            "url", receivers.url("/emek"),
                                            "eventTypes", List.of("case.state.changed"),
                                            "programs", List.of("emek")))
                            .when()
                            .post(stack.serviceUrl("notify") + "/api/v1/subscriptions")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("secret");
            String unique = UUID.randomUUID().toString().substring(0, 8);
            String title = "Gossip amplification " + unique;
            String description = "Sending a crafted HAVE frame " + unique + " floods every peer.";
            SubmittedReport emek =
                    stack.reporter()
                            .submit(
                                    "emek",
                                    title,
                                    description,
                                    "sub-" + unique + "@example.org",
                                    null);
            SubmittedReport moqtail =
                    stack.reporter()
                            .submit(
                                    "moqtail",
                                    "Other program " + unique,
                                    "sub-m-" + unique + "@example.org");
            String emekCase = Cases.idOf(stack, emek);
            String moqtailCase = Cases.idOf(stack, moqtail);
            for (String caseId : List.of(emekCase, moqtailCase)) {
                given().auth()
                        .oauth2(coordinator)
                        .contentType("application/json")
                        .body(Map.of("to", "triaging", "reason", "Reproduced: " + description))
                        .when()
                        .post(
                                stack.serviceUrl("triage")
                                        + "/api/v1/cases/"
                                        + caseId
                                        + "/transitions")
                        .then()
                        .statusCode(200);
            }

            // The receiver's three failures were retried, whichever events met them, and the
            // move to triaging arrived.
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () ->
                                    retriedThreeFailures(receivers.at("/emek"))
                                            && receivers.at("/emek").stream()
                                                    .map(SubscriptionsIT::event)
                                                    .anyMatch(
                                                            event ->
                                                                    event.path("data")
                                                                                    .path("caseId")
                                                                                    .asText()
                                                                                    .equals(
                                                                                            emekCase)
                                                                            && event.path("data")
                                                                                    .path("to")
                                                                                    .asText()
                                                                                    .equals(
                                                                                            "triaging")));

            List<Received> received = receivers.at("/emek");
            assertThat(received).allMatch(message -> message.signedWith(secret));
            assertThat(retriedThreeFailures(received)).isTrue();
            for (Received message : received) {
                JsonNode event = event(message);
                assertThat(event.path("specversion").asText()).isEqualTo("1.0");
                assertThat(event.path("type").asText()).isEqualTo("case.state.changed");
                assertThat(event.path("data").path("program").asText()).isEqualTo("emek");
                assertThat(event.path("data").path("caseId").asText()).isNotEqualTo(moqtailCase);
                assertThat(message.body())
                        .doesNotContain(title)
                        .doesNotContain(description)
                        .doesNotContain(unique);
            }
        }
    }

    /** Three failed tries came back with the same message (same id): three more than messages. */
    private static boolean retriedThreeFailures(List<Received> received) {
        return received.size() >= received.stream().map(Received::webhookId).distinct().count() + 3;
    }

    private static JsonNode event(Received message) {
        try {
            return JSON.readTree(message.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
