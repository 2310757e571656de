package dev.embargo.notify.service;

import static dev.embargo.notify.NotifyTestInfrastructure.events;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.contracts.advisory.AdvisoryWithdrawn;
import dev.embargo.contracts.partner.PartnerStatementMade;
import dev.embargo.contracts.report.CaseStateChanged;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.notify.support.ReportEvents;
import dev.embargo.notify.support.WebhookReceiver;
import dev.embargo.notify.support.WebhookReceiver.Received;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lifecycle events pushed to coordinators' subscriptions: filtered by type and program, signed,
 * retried under one id, and carrying only the public-safe view of each event.
 */
@QuarkusTest
@TestSecurity(user = "cora", roles = "coordinator")
class SubscriptionDeliveriesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String SEALED_REASON = "heap overflow in the selector parser";

    @Inject FieldCipher cipher;

    private final ObjectMapper json = new ObjectMapper();
    private WebhookReceiver receiver;

    @BeforeEach
    void receiver() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aSubscriptionGetsItsTypeAndProgramOnlyAsSignedCloudEventsWithoutSealedText()
            throws Exception {
        String secret = subscribe("/emek", List.of("case.state.changed"), List.of("emek"), null);
        subscribe("/moqtail", List.of("case.state.changed"), List.of("moqtail"), "cloudevents");
        subscribe("/breaches", List.of("deadline.breached"), List.of("emek"), "cloudevents");

        CaseStateChanged emek = moved("emek");
        CaseStateChanged moqtail = moved("moqtail");
        String emekEventId = events().publish(emek);
        events().publish(moqtail);

        await().atMost(PATIENCE).until(() -> receiver.at("/moqtail").size() == 1);
        await().atMost(PATIENCE).until(() -> receiver.at("/emek").size() == 1);
        Received received = receiver.at("/emek").getFirst();
        assertThat(received.signedWith(secret)).isTrue();
        JsonNode event = json.readTree(received.body());
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("id").asText()).isEqualTo(emekEventId);
        assertThat(event.path("type").asText()).isEqualTo("case.state.changed");
        assertThat(event.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(event.path("subject").asText()).isEqualTo(emek.trackingId());
        assertThat(event.path("data").path("program").asText()).isEqualTo("emek");
        assertThat(event.path("data").path("to").asText()).isEqualTo("accepted");
        assertThat(received.body())
                .doesNotContain(SEALED_REASON)
                .doesNotContain(emek.sealedReason())
                .doesNotContain("tess");
        assertThat(
                        json.readTree(receiver.at("/moqtail").getFirst().body())
                                .path("subject")
                                .asText())
                .isEqualTo(moqtail.trackingId());
        assertThat(receiver.at("/breaches")).isEmpty();
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheSameEventUntilItLands() {
        String secret =
                subscribe("/flaky", List.of("case.state.changed"), List.of("pea2pea"), null);
        receiver.failNext("/flaky", 2);

        events().publish(moved("pea2pea"));

        await().atMost(PATIENCE).until(() -> receiver.at("/flaky").size() == 3);
        List<Received> tries = receiver.at("/flaky");
        assertThat(tries).allMatch(received -> received.signedWith(secret));
        assertThat(tries.stream().map(Received::webhookId).distinct()).hasSize(1);
        assertThat(tries.stream().map(Received::body).distinct()).hasSize(1);
    }

    @Test
    void chatAndIssueFormatsSayWhatHappenedAndLinkToTheConsole() throws Exception {
        subscribe("/chat", List.of("case.state.changed"), List.of("x0tta6bl4"), "chat");
        subscribe("/issue", List.of("case.state.changed"), List.of("x0tta6bl4"), "issue");

        CaseStateChanged change = moved("x0tta6bl4");
        events().publish(change);

        await().atMost(PATIENCE)
                .until(() -> receiver.at("/chat").size() == 1 && receiver.at("/issue").size() == 1);
        JsonNode chat = json.readTree(receiver.at("/chat").getFirst().body());
        assertThat(chat.size()).isEqualTo(1);
        assertThat(chat.path("text").asText())
                .contains(change.trackingId(), "accepted", "#/cases/" + change.caseId());
        JsonNode issue = json.readTree(receiver.at("/issue").getFirst().body());
        assertThat(issue.path("title").asText()).contains(change.trackingId());
        assertThat(issue.path("body").asText()).contains("to: accepted");
        assertThat(issue.path("labels").toString())
                .contains("program:x0tta6bl4", "event:case.state.changed");
        assertThat(issue.path("links").path("console").asText())
                .endsWith("#/cases/" + change.caseId());
        assertThat(receiver.at("/chat").getFirst().body() + receiver.at("/issue").getFirst().body())
                .doesNotContain(SEALED_REASON);
    }

    @Test
    void aWithdrawalAndAPartnersStatementReachTheirSubscribers() throws Exception {
        subscribe("/withdrawn", List.of("advisory.withdrawn"), List.of("pea2pea"), null);
        subscribe("/statements", List.of("partner.statement.made"), List.of("pea2pea"), null);
        AdvisoryWithdrawn withdrawn =
                new AdvisoryWithdrawn(
                        UUID.randomUUID().toString(),
                        "EMB-2026-0042",
                        "pea2pea",
                        2,
                        "Unbounded window state",
                        null,
                        "https://advisories.example/advisories/EMB-2026-0042",
                        "Published in error: not a vulnerability.",
                        Instant.now());
        PartnerStatementMade statement =
                new PartnerStatementMade(
                        UUID.randomUUID().toString(),
                        "pea2pea",
                        UUID.randomUUID().toString(),
                        "Debian",
                        "pea2pea",
                        "not_affected",
                        "vulnerable_code_not_in_execute_path",
                        null,
                        "ready",
                        Instant.now());

        events().publish(withdrawn);
        events().publish(statement);

        await().atMost(PATIENCE)
                .until(
                        () ->
                                receiver.at("/withdrawn").size() == 1
                                        && receiver.at("/statements").size() == 1);
        JsonNode told = json.readTree(receiver.at("/withdrawn").getFirst().body());
        assertThat(told.path("type").asText()).isEqualTo("advisory.withdrawn");
        assertThat(told.path("data").path("reason").asText())
                .isEqualTo("Published in error: not a vulnerability.");
        JsonNode stated = json.readTree(receiver.at("/statements").getFirst().body());
        assertThat(stated.path("type").asText()).isEqualTo("partner.statement.made");
        assertThat(stated.path("data").path("status").asText()).isEqualTo("not_affected");
        assertThat(stated.path("data").path("justification").asText())
                .isEqualTo("vulnerable_code_not_in_execute_path");
    }

    @Test
    void theRequestsValidationNamesAndAcceptsEverySubscribableType() {
        assertThat(PublicEvent.TYPES).allMatch(type -> type.matches(PublicEvent.TYPE_PATTERN));
        assertThat(PublicEvent.TYPE_NAMES.split(", ")).containsExactlyElementsOf(PublicEvent.TYPES);
    }

    @Test
    void anUnknownEventTypeFormatOrNoProgramIsRefused() {
        request(List.of("case.created"), List.of("emek"), null).then().statusCode(400);
        request(List.of("case.state.changed"), List.of(), null).then().statusCode(400);
        request(List.of("case.state.changed"), List.of("emek"), "xml").then().statusCode(400);
    }

    @Test
    @TestSecurity(
            user = "tess",
            roles = {"triager", "publisher"})
    void onlyCoordinatorsSubscribe() {
        request(List.of("case.state.changed"), List.of("emek"), null).then().statusCode(403);
        given().when().get("/api/v1/subscriptions").then().statusCode(403);
    }

    private String subscribe(
            String path, List<String> eventTypes, List<String> programs, String format) {
        return given().contentType(ContentType.JSON)
                .body(body(receiver.url(path), eventTypes, programs, format))
                .when()
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
    }

    private io.restassured.response.Response request(
            List<String> eventTypes, List<String> programs, String format) {
        return given().contentType(ContentType.JSON)
                .body(body(receiver.url("/refused"), eventTypes, programs, format))
                .when()
                .post("/api/v1/subscriptions");
    }

    private static Map<String, Object> body(
            String url, List<String> eventTypes, List<String> programs, String format) {
        return format == null
                ? Map.of("url", url, "eventTypes", eventTypes, "programs", programs)
                : Map.of(
                        "url",
                        url,
                        "eventTypes",
                        eventTypes,
                        "programs",
                        programs,
                        "format",
                        format);
    }

    /**
     * A case of the program accepted, with a sealed reason that must never leave notify; its
     * report's submission comes first, as it always does.
     */
    private CaseStateChanged moved(String program) {
        ReportEvents report = new ReportEvents(program);
        events().publish(
                        report.submitted(cipher, "reporter-" + UUID.randomUUID() + "@example.org"));
        return report.stateChanged("triaging", "accepted", cipher.seal(SEALED_REASON));
    }
}
