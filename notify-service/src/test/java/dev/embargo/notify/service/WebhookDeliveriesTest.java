package dev.embargo.notify.service;

import static dev.embargo.notify.NotifyTestInfrastructure.events;
import static dev.embargo.notify.support.PartnerApi.endpoint;
import static dev.embargo.notify.support.PartnerApi.freshGroup;
import static dev.embargo.notify.support.PartnerApi.partner;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.embargo.contracts.CloudEventAttributes;
import dev.embargo.contracts.Topics;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.localstack.ServiceTestEvents;
import dev.embargo.notify.domain.HostResolver;
import dev.embargo.notify.support.PartnerApi.Endpoint;
import dev.embargo.notify.support.PreAdvisories;
import dev.embargo.notify.support.WebhookReceiver;
import dev.embargo.notify.support.WebhookReceiver.Received;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pre-advisories from the advisory topic to partners' receivers on loopback, under the test stack's
 * retry schedule (1 s, 1 s, 1 s: four tries).
 */
@QuarkusTest
@TestSecurity(user = "cora", roles = "coordinator")
class WebhookDeliveriesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject FieldCipher cipher;

    @Inject MockMailbox mailbox;

    private WebhookReceiver receiver;
    private String group;

    @BeforeEach
    void receiverAndGroup() {
        receiver = new WebhookReceiver();
        group = freshGroup();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aPartnerInTheGroupGetsThePreAdvisoryOnceSignedWithItsSecretAndOthersGetNothing() {
        String partner = partner("Broker Inc", List.of(group), List.of("moqtail"));
        Endpoint endpoint = endpoint(partner, receiver.url("/broker"));
        endpoint(
                partner("Other program", List.of(group), List.of("emek")),
                receiver.url("/other-program"));
        endpoint(
                partner("Other group", List.of(freshGroup()), List.of("moqtail")),
                receiver.url("/other-group"));

        release("Selector DoS in MoQTail");

        awaitStatus(partner, "delivered");
        assertThat(receiver.at("/broker")).hasSize(1);
        Received message = receiver.at("/broker").getFirst();
        assertThat(message.webhookId()).startsWith("msg_");
        assertThat(Long.parseLong(message.timestamp()))
                .isCloseTo(
                        Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        assertThat(message.signedWith(endpoint.secret())).isTrue();
        assertThat(message.body())
                .contains(
                        "\"type\":\"preadvisory.released\"",
                        "Selector DoS in MoQTail",
                        "Prepared for Broker Inc only");
        assertThat(receiver.at("/other-program")).isEmpty();
        assertThat(receiver.at("/other-group")).isEmpty();
        given().when()
                .get("/api/v1/partners/" + partner + "/deliveries")
                .then()
                .statusCode(200)
                .body("[0].webhookId", equalTo(message.webhookId()))
                .body("[0].attempts", equalTo(1))
                .body("[0].lastStatus", equalTo(204))
                .body("[0]", not(hasKey("body")));
    }

    @Test
    void aDeliveryToAHostNameKeepsThatNameAsItsHost() {
        String partner = partner("Named", List.of(group), List.of("moqtail"));
        String url = receiver.url("/named").replace("127.0.0.1", "localhost");
        endpoint(partner, url);

        release("Sent to a name");

        awaitStatus(partner, "delivered");
        assertThat(receiver.at("/named"))
                .singleElement()
                .extracting(Received::host)
                .isEqualTo(URI.create(url).getAuthority());
    }

    @Test
    void aDeliveryGoesToTheAddressItsOneLookupCheckedNeverToALaterAnswer() throws IOException {
        RebindingResolver resolver = new RebindingResolver();
        QuarkusMock.installMockForType(resolver, HostResolver.class);
        try (ConnectionCounter rebound = new ConnectionCounter(RebindingResolver.LATER_ANSWER);
                WebhookReceiver checked =
                        new WebhookReceiver(
                                new InetSocketAddress(
                                        RebindingResolver.FIRST_ANSWER, rebound.port()))) {
            String authority = RebindingResolver.HOST + ":" + rebound.port();
            endpoint(
                    partner("Rebound", List.of(group), List.of("moqtail")),
                    "http://" + authority + "/hook");
            resolver.startOver();

            release("Sent where it was checked");

            // A second lookup after the check would get the later answer and connect there.
            await().atMost(PATIENCE)
                    .until(() -> !checked.at("/hook").isEmpty() || rebound.connections() > 0);
            assertThat(rebound.connections()).isZero();
            assertThat(checked.at("/hook"))
                    .singleElement()
                    .extracting(Received::host)
                    .isEqualTo(authority);
        }
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheSameMessageUntilItLands() {
        String partner = partner("Flaky", List.of(group), List.of("moqtail"));
        Endpoint endpoint = endpoint(partner, receiver.url("/flaky"));
        receiver.failNext("/flaky", 2);

        release("Flaky delivery");

        await().atMost(PATIENCE)
                .untilAsserted(
                        () ->
                                given().when()
                                        .get("/api/v1/partners/" + partner + "/deliveries")
                                        .then()
                                        .statusCode(200)
                                        .body("[0].status", equalTo("delivered"))
                                        .body("[0].attempts", equalTo(3)));
        List<Received> tries = receiver.at("/flaky");
        assertThat(tries).hasSize(3).allMatch(received -> received.signedWith(endpoint.secret()));
        assertThat(tries.stream().map(Received::webhookId).distinct()).hasSize(1);
        assertThat(tries.stream().map(Received::body).distinct()).hasSize(1);
    }

    @Test
    void aReceiverThatNeverRecoversIsDeadLetteredDisabledItsPartnerToldAndItCanBeReplayed() {
        String contact = "ops-" + UUID.randomUUID() + "@partner.example";
        String partner = partner("Down for good", List.of(group), List.of("moqtail"), contact);
        Endpoint endpoint = endpoint(partner, receiver.url("/down"));
        receiver.failNext("/down", Integer.MAX_VALUE);

        release("Never delivered");

        String deliveryId = awaitStatus(partner, "dead");
        assertThat(receiver.at("/down")).hasSize(4);
        await().atMost(PATIENCE)
                .untilAsserted(
                        () ->
                                assertThat(events().readAll(Topics.WEBHOOK_DEAD_LETTERS.name()))
                                        .anySatisfy(
                                                event -> {
                                                    assertThat(event.key()).isEqualTo(deliveryId);
                                                    assertThat(
                                                                    ServiceTestEvents.header(
                                                                            event,
                                                                            CloudEventAttributes
                                                                                    .HEADER_TYPE))
                                                            .isEqualTo("webhook.failed.v1");
                                                    assertThat(event.value())
                                                            .doesNotContain("Never delivered");
                                                }));
        given().when()
                .get("/api/v1/partners/" + partner + "/endpoints")
                .then()
                .statusCode(200)
                .body("[0].enabled", equalTo(false))
                .body("[0].disabledReason", startsWith("every try"));
        await().atMost(PATIENCE)
                .untilAsserted(
                        () ->
                                assertThat(mailbox.getMailsSentTo(contact))
                                        .extracting(Mail::getSubject)
                                        .containsOnlyOnce("Embargo webhook endpoint disabled"));

        receiver.recover("/down");
        given().contentType(ContentType.JSON)
                .body(Map.of("enabled", true))
                .when()
                .put("/api/v1/webhook-endpoints/" + endpoint.id() + "/enabled")
                .then()
                .statusCode(200);
        given().when()
                .post("/api/v1/webhook-deliveries/" + deliveryId + "/replay")
                .then()
                .statusCode(200)
                .body("status", equalTo("pending"))
                .body("attempts", equalTo(0));
        awaitStatus(partner, "delivered");
        assertThat(receiver.at("/down")).hasSize(5);
        assertThat(receiver.at("/down").stream().map(Received::webhookId).distinct()).hasSize(1);
    }

    @Test
    void aDisabledEndpointGetsItsDeliveryOnlyOnceEnabledAgain() {
        String partner = partner("Paused", List.of(group), List.of("moqtail"));
        Endpoint endpoint = endpoint(partner, receiver.url("/paused"));
        String enabled = "/api/v1/webhook-endpoints/" + endpoint.id() + "/enabled";
        given().contentType(ContentType.JSON)
                .body(Map.of("enabled", false))
                .when()
                .put(enabled)
                .then()
                .statusCode(200);

        release("While paused");

        awaitStatus(partner, "pending");
        given().when()
                .get("/api/v1/partners/" + partner + "/deliveries")
                .then()
                .body("[0].attempts", equalTo(0));
        assertThat(receiver.at("/paused")).isEmpty();
        given().contentType(ContentType.JSON)
                .body(Map.of("enabled", true))
                .when()
                .put(enabled)
                .then()
                .statusCode(200);
        awaitStatus(partner, "delivered");
        assertThat(receiver.at("/paused")).hasSize(1);
    }

    @Test
    void aReplaySinceATimeSendsTheEndpointTheSameMessagesAgain() {
        String partner = partner("Lost its database", List.of(group), List.of("moqtail"));
        Endpoint endpoint = endpoint(partner, receiver.url("/restored"));
        Instant before = Instant.now().minusSeconds(60);
        release("Sent before the loss");
        awaitStatus(partner, "delivered");

        given().contentType(ContentType.JSON)
                .body(Map.of("since", Instant.now().plusSeconds(60).toString()))
                .when()
                .post("/api/v1/webhook-endpoints/" + endpoint.id() + "/replays")
                .then()
                .statusCode(200)
                .body("requeued", equalTo(0));
        given().contentType(ContentType.JSON)
                .body(Map.of("since", before.toString()))
                .when()
                .post("/api/v1/webhook-endpoints/" + endpoint.id() + "/replays")
                .then()
                .statusCode(200)
                .body("requeued", equalTo(1));

        await().atMost(PATIENCE).until(() -> receiver.at("/restored").size() == 2);
        assertThat(receiver.at("/restored").stream().map(Received::webhookId).distinct())
                .hasSize(1);
        assertThat(receiver.at("/restored").stream().map(Received::body).distinct()).hasSize(1);
    }

    @Test
    void duringASecretRotationBothSecretsSign() {
        String partner = partner("Rotating", List.of(group), List.of("moqtail"));
        Endpoint endpoint = endpoint(partner, receiver.url("/rotating"));
        String rotated =
                given().when()
                        .post("/api/v1/webhook-endpoints/" + endpoint.id() + "/secret-rotation")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("secret");

        release("After rotation");

        awaitStatus(partner, "delivered");
        Received message = receiver.at("/rotating").getFirst();
        assertThat(message.signedWith(rotated)).isTrue();
        assertThat(message.signedWith(endpoint.secret())).isTrue();
    }

    @Test
    void eachPartnersCopyCarriesItsOwnWatermarkWhichALeakCheckTracesBack() {
        String first = partner("First", List.of(group), List.of("moqtail"));
        endpoint(first, receiver.url("/first"));
        String second = partner("Second", List.of(group), List.of("moqtail"));
        endpoint(second, receiver.url("/second"));

        release("Watermarked");

        awaitStatus(first, "delivered");
        awaitStatus(second, "delivered");
        String leaked = receiver.at("/second").getFirst().body();
        assertThat(leaked).isNotEqualTo(receiver.at("/first").getFirst().body());
        given().contentType(ContentType.JSON)
                .body(Map.of("text", leaked))
                .when()
                .post("/api/v1/leak-checks")
                .then()
                .statusCode(200)
                .body("channel", org.hamcrest.Matchers.everyItem(equalTo("webhook")))
                .body("partnerName", org.hamcrest.Matchers.everyItem(equalTo("Second")))
                .body("partnerId", org.hamcrest.Matchers.hasItem(second));
    }

    private void release(String title) {
        events().publish(PreAdvisories.released(cipher, "moqtail", group, title));
    }

    /** Waits until the partner's newest delivery has the status; its id. */
    private static String awaitStatus(String partner, String status) {
        return await().atMost(PATIENCE)
                .until(
                        () ->
                                given().when()
                                        .get("/api/v1/partners/" + partner + "/deliveries")
                                        .then()
                                        .statusCode(200)
                                        .extract()
                                        .jsonPath()
                                        .getString(
                                                "find { it.status == '%s' }.id".formatted(status)),
                        id -> id != null);
    }

    /**
     * A DNS server rebinding {@value #HOST}: it answers 127.0.0.2 and 127.0.0.3 in turn, counting
     * from {@link #startOver()}. Other hosts get the system's answer.
     */
    private static final class RebindingResolver extends SystemHostResolver {

        static final String HOST = "rebinding.test";
        static final InetAddress FIRST_ANSWER = loopback(2);
        static final InetAddress LATER_ANSWER = loopback(3);

        private final AtomicInteger lookups = new AtomicInteger();

        void startOver() {
            lookups.set(0);
        }

        @Override
        public List<InetAddress> addressesOf(String host) throws UnknownHostException {
            if (!host.equals(HOST)) {
                return super.addressesOf(host);
            }
            return List.of(lookups.getAndIncrement() % 2 == 0 ? FIRST_ANSWER : LATER_ANSWER);
        }

        private static InetAddress loopback(int last) {
            try {
                return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A port on a loopback address that counts the connections made to it, whatever they send. */
    private static final class ConnectionCounter implements AutoCloseable {

        private final ServerSocket socket;
        private final AtomicInteger connections = new AtomicInteger();

        ConnectionCounter(InetAddress address) throws IOException {
            socket = new ServerSocket(0, 50, address);
            Thread.ofVirtual().start(this::count);
        }

        int port() {
            return socket.getLocalPort();
        }

        int connections() {
            return connections.get();
        }

        private void count() {
            while (!socket.isClosed()) {
                try (Socket ignored = socket.accept()) {
                    connections.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
