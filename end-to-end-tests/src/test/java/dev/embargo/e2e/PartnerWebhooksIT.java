package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.RunningStack;
import dev.embargo.e2e.support.WebhookReceivers;
import dev.embargo.e2e.support.WebhookReceivers.Received;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
    private WebhookReceivers receivers;

    /**
     * A partner group of this test's own, so other tests' pre-advisories never reach its receivers.
     */
    private String group;

    @BeforeEach
    void partnersAndReceivers(RunningStack runningStack) {
        stack = runningStack;
        coordinator = stack.staffTokens().of("coordinator");
        receivers = new WebhookReceivers();
        group = "group-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void stopReceivers() {
        receivers.close();
    }

    @Test
    void aPartnerInTheGroupsGetsThePreAdvisorySignedWithItsSecretAndOthersGetNothing() {
        String partner = partner("Broker Inc", List.of(group), List.of("moqtail"));
        String secret = endpoint(partner, "/broker").get("secret");
        String otherProgram = partner("Other program", List.of(group), List.of("emek"));
        endpoint(otherProgram, "/other-program");
        String otherGroup = partner("Other group", List.of("someone-else"), List.of("moqtail"));
        endpoint(otherGroup, "/other-group");

        String advisory = release("Selector DoS in MoQTail", List.of(group));

        await().atMost(Duration.ofSeconds(20)).until(() -> receivers.at("/broker").size() == 1);
        Received message = receivers.at("/broker").get(0);
        assertThat(message.webhookId()).startsWith("msg_");
        assertThat(Long.parseLong(message.timestamp()))
                .isCloseTo(
                        Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        assertThat(message.signedWith(secret)).isTrue();
        assertThat(message.signedWith(endpoint(partner, "/unused").get("secret"))).isFalse();
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
        String partner = partner("Two hundred nodes", List.of(group), List.of("moqtail"));
        List<String> paths = IntStream.range(0, 200).mapToObj(i -> "/node-" + i).toList();
        paths.forEach(path -> endpoint(partner, path));
        // Slow receivers keep the fan-out in flight long enough to kill notify in the middle of it.
        receivers.answerAfter(Duration.ofMillis(1500));

        release("Fan-out under fire", List.of(group));
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

    private String partner(String name, List<String> groups, List<String> programs) {
        return partner(name, groups, programs, "contact-" + UUID.randomUUID() + "@partner.example");
    }

    private String partner(
            String name, List<String> groups, List<String> programs, String contact) {
        return given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "name",
                                name,
                                "contactEmail",
                                contact,
                                "groups",
                                groups,
                                "programs",
                                programs))
                .when()
                .post(notifyUrl() + "/api/v1/partners")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private Map<String, String> endpoint(String partner, String path) {
        var answer =
                given().auth()
                        .oauth2(coordinator)
                        .contentType(ContentType.JSON)
                        .body(Map.of("url", receivers.url(path)))
                        .when()
                        .post(notifyUrl() + "/api/v1/partners/" + partner + "/endpoints")
                        .then()
                        .statusCode(201)
                        .body("secret", startsWith("whsec_"))
                        .extract();
        return Map.of("id", answer.path("id"), "secret", answer.path("secret"));
    }

    private String release(String title, List<String> groups) {
        return given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "program",
                                "moqtail",
                                "title",
                                title,
                                "summary",
                                "Embargoed details of " + title,
                                "embargoUntil",
                                Instant.now().plus(Duration.ofDays(5)).toString(),
                                "partnerGroups",
                                groups))
                .when()
                .post(stack.serviceUrl("advisory") + "/api/v1/pre-advisories")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private String notifyUrl() {
        return stack.serviceUrl("notify");
    }
}
