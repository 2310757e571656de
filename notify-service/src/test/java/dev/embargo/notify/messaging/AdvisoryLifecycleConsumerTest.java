package dev.embargo.notify.messaging;

import static dev.embargo.notify.NotifyTestInfrastructure.events;
import static dev.embargo.notify.support.PartnerApi.endpoint;
import static dev.embargo.notify.support.PartnerApi.freshGroup;
import static dev.embargo.notify.support.PartnerApi.partner;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.embargo.contracts.CloudEventAttributes;
import dev.embargo.contracts.Topics;
import dev.embargo.contracts.advisory.AdvisoryWithdrawn;
import dev.embargo.contracts.advisory.CveRecordRejected;
import dev.embargo.contracts.advisory.PreAdvisoryReleased;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.notify.support.PreAdvisories;
import dev.embargo.notify.support.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdvisoryLifecycleConsumerTest {

    @Inject FieldCipher cipher;

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void theSamePreAdvisoryEventTwiceQueuesOneDeliveryPerEndpoint() {
        String group = freshGroup();
        String partner = partner("Once", List.of(group), List.of("moqtail"));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            endpoint(partner, receiver.url("/once"));
            PreAdvisoryReleased released =
                    PreAdvisories.released(cipher, "moqtail", group, "Told once");
            String eventId = events().publish(released);
            events().publish(released, eventId);
            // A later event on the same key comes after the redelivery: once it is queued, the
            // duplicate was handled.
            events().publish(
                            new PreAdvisoryReleased(
                                    released.advisoryId(),
                                    "moqtail",
                                    List.of(group),
                                    released.embargoUntil(),
                                    cipher.seal("{\"title\":\"Told again\"}"),
                                    "cora",
                                    released.releasedAt()));

            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () ->
                                    receiver.at("/once").stream()
                                            .anyMatch(
                                                    received ->
                                                            received.body()
                                                                    .contains("Told again")));
            given().when()
                    .get("/api/v1/partners/" + partner + "/deliveries")
                    .then()
                    .statusCode(200)
                    .body("size()", equalTo(2));
        }
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void partnersFollowingTheProgramAreToldOnceOfAWithdrawalBySignedWebhookAndEmail() {
        // A program of this test alone: every partner following it is this one.
        String program = "changes-" + UUID.randomUUID().toString().substring(0, 8);
        String partner = partner("Withdrawals", List.of(freshGroup()), List.of(program));
        String publicId = "EMB-1900-" + (10000 + new Random().nextInt(80000));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            endpoint(partner, receiver.url("/changes"));
            AdvisoryWithdrawn withdrawn =
                    new AdvisoryWithdrawn(
                            UUID.randomUUID().toString(),
                            publicId,
                            program,
                            2,
                            "Selector bypass",
                            null,
                            "https://advisories.example/advisories/" + publicId,
                            "Published in error.",
                            Instant.parse("2026-12-07T19:00:00Z"));
            String eventId = events().publish(withdrawn);
            events().publish(withdrawn, eventId);
            // Handled after the redelivery, on the same key: once it arrives, the duplicate was.
            events().publish(
                            new CveRecordRejected(
                                    withdrawn.advisoryId(),
                                    publicId,
                                    program,
                                    "CVE-1900-0042",
                                    withdrawn.url(),
                                    "Duplicate.",
                                    withdrawn.withdrawnAt()));

            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () ->
                                    receiver.at("/changes").stream()
                                            .anyMatch(
                                                    received ->
                                                            received.body()
                                                                    .contains(
                                                                            "cve.record.rejected")));
            assertThat(receiver.at("/changes"))
                    .filteredOn(received -> received.body().contains("advisory.withdrawn"))
                    .singleElement()
                    .satisfies(
                            received ->
                                    assertThat(received.body())
                                            .contains(publicId, "Published in error."));
            List<String> emails =
                    given().queryParam("size", 500)
                            .when()
                            .get("/api/v1/email-deliveries")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList(
                                    "findAll { it.trackingId == '" + publicId + "' }.kind",
                                    String.class);
            assertThat(emails).containsExactly("advisory_changed", "advisory_changed");
        }
    }

    @Test
    void aPreAdvisoryThatBreaksItsContractGoesToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        events().publishRaw(
                        Topics.ADVISORY_LIFECYCLE.name(),
                        key,
                        Map.of(
                                CloudEventAttributes.HEADER_SPEC_VERSION,
                                CloudEventAttributes.SPEC_VERSION,
                                CloudEventAttributes.HEADER_ID,
                                UUID.randomUUID().toString(),
                                CloudEventAttributes.HEADER_SOURCE,
                                "/embargo/advisory",
                                CloudEventAttributes.HEADER_TYPE,
                                "preadvisory.released.v1",
                                CloudEventAttributes.HEADER_SUBJECT,
                                key,
                                CloudEventAttributes.HEADER_CONTENT_TYPE,
                                CloudEventAttributes.DATA_CONTENT_TYPE),
                        "{\"advisoryId\":\"" + key + "\"}");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(
                                                events().readAll(
                                                                Topics.ADVISORY_LIFECYCLE
                                                                        .deadLetter()
                                                                        .name()))
                                        .anyMatch(record -> key.equals(record.key())));
    }
}
