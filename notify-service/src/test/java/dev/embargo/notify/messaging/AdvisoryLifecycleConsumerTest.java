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
import dev.embargo.contracts.advisory.PreAdvisoryReleased;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.notify.support.PreAdvisories;
import dev.embargo.notify.support.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
