package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Partners;
import dev.embargo.e2e.support.RunningStack;
import dev.embargo.e2e.support.WebhookReceivers;
import dev.embargo.e2e.support.WebhookReceivers.Received;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pre-advisories reach partners as Standard Webhooks, against real HTTP receivers: released by
 * advisory, signed with the partner's secret, and delivered once in effect through a crash of
 * notify mid fan-out. Retries, dead letters, replays and rotation are notify's own rules, tested in
 * notify-service (WebhookDeliveriesTest).
 */
@ExtendWith(EmbargoStack.class)
class PartnerWebhooksIT {

    private RunningStack stack;
    private String coordinator;
    private Partners partners;
    private WebhookReceivers receivers;

    /**
     * A partner group of this test's own, so other tests' pre-advisories never reach its receivers.
     */
    private String group;

    @BeforeEach
    void partnersAndReceivers(RunningStack runningStack) {
        stack = runningStack;
        coordinator = stack.staffTokens().of("coordinator");
        partners = new Partners(stack);
        receivers = new WebhookReceivers();
        group = "group-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void stopReceivers() {
        receivers.close();
    }

    @Test
    void aPartnerInTheGroupsGetsThePreAdvisorySignedWithItsSecretAndOthersGetNothing() {
        String partner = partners.register("Broker Inc", List.of(group), List.of("moqtail"));
        String secret = partners.addEndpoint(partner, receivers.url("/broker")).secret();
        String otherProgram = partners.register("Other program", List.of(group), List.of("emek"));
        partners.addEndpoint(otherProgram, receivers.url("/other-program"));
        String otherGroup =
                partners.register("Other group", List.of("someone-else"), List.of("moqtail"));
        partners.addEndpoint(otherGroup, receivers.url("/other-group"));

        String advisory = partners.releasePreAdvisory("Selector DoS in MoQTail", List.of(group));

        await().atMost(Duration.ofSeconds(20)).until(() -> receivers.at("/broker").size() == 1);
        Received message = receivers.at("/broker").get(0);
        assertThat(message.webhookId()).startsWith("msg_");
        assertThat(Long.parseLong(message.timestamp()))
                .isCloseTo(
                        Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        assertThat(message.signedWith(secret)).isTrue();
        assertThat(
                        message.signedWith(
                                partners.addEndpoint(partner, receivers.url("/unused")).secret()))
                .isFalse();
        assertThat(message.body())
                .contains("\"type\":\"preadvisory.released\"", "Selector DoS in MoQTail", advisory);
        assertThat(receivers.at("/other-program")).isEmpty();
        assertThat(receivers.at("/other-group")).isEmpty();

        given().auth()
                .oauth2(coordinator)
                .when()
                .get(notifyUrl() + "/api/v1/partners/" + partner + "/deliveries")
                .then()
                .statusCode(200)
                .body(
                        "find { it.webhookId == '%s' }.status".formatted(message.webhookId()),
                        equalTo("delivered"))
                .body("[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("body")));
    }

    @Test
    void notifyKilledMidFanOutToTwoHundredReceiversStillDeliversEachOneMessageWithOneBodyPerId() {
        String partner = partners.register("Two hundred nodes", List.of(group), List.of("moqtail"));
        List<String> paths = IntStream.range(0, 200).mapToObj(i -> "/node-" + i).toList();
        paths.forEach(path -> partners.addEndpoint(partner, receivers.url(path)));
        // Slow receivers keep the fan-out in flight long enough to kill notify in the middle of it.
        receivers.answerAfter(Duration.ofMillis(1500));

        partners.releasePreAdvisory("Fan-out under fire", List.of(group));
        await().atMost(Duration.ofSeconds(30)).until(() -> receivers.pathsReached() >= 20);
        stack.kill("notify");
        int reachedBeforeRestart = receivers.pathsReached();
        receivers.answerAfter(Duration.ZERO);
        stack.start("notify");

        await().atMost(Duration.ofSeconds(90))
                .until(() -> paths.stream().allMatch(path -> !receivers.at(path).isEmpty()));
        assertThat(reachedBeforeRestart).isLessThan(200);
        for (String path : paths) {
            List<Received> got = receivers.at(path);
            assertThat(got.stream().map(Received::webhookId).distinct()).as(path).hasSize(1);
            assertThat(got.stream().map(Received::body).distinct()).as(path).hasSize(1);
        }
        Set<String> ids =
                paths.stream()
                        .map(path -> receivers.at(path).get(0).webhookId())
                        .collect(Collectors.toSet());
        assertThat(ids).hasSize(200);
    }

    private String notifyUrl() {
        return stack.serviceUrl("notify");
    }
}
