package dev.embargo.notify.rest;

import static dev.embargo.notify.support.PartnerApi.endpoint;
import static dev.embargo.notify.support.PartnerApi.freshGroup;
import static dev.embargo.notify.support.PartnerApi.partner;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.notify.domain.HostResolver;
import dev.embargo.notify.support.Events;
import dev.embargo.notify.support.PreAdvisories;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

/**
 * Webhook URLs as production checks them: HTTPS on public addresses only. The module's other tests
 * run with the local stack's allowances (plain HTTP to 127.0.0.1); this one profile takes them
 * away, and answers lookups of {@code localhost} as a rebinding DNS server would when told to.
 */
@QuarkusTest
@TestProfile(PrivateWebhookAddressesTest.ProductionAddressRules.class)
class PrivateWebhookAddressesTest {

    @Inject FieldCipher cipher;

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void loopbackPrivateMetadataAndOtherSpecialPurposeAddressesAreRefusedAtRegistration() {
        String partner = partner("Internal", List.of("g"), List.of("moqtail"));
        for (String url :
                List.of(
                        "https://127.0.0.1/hook",
                        "https://localhost/hook",
                        "https://10.0.0.8/hook",
                        "https://192.168.1.1/hook",
                        "https://169.254.169.254/latest/meta-data",
                        "https://[::1]/hook",
                        "https://[::127.0.0.1]/hook",
                        "https://[::ffff:127.0.0.1]/hook",
                        "https://[64:ff9b::127.0.0.1]/hook",
                        "https://[64:ff9b::169.254.169.254]/latest/meta-data",
                        "https://[2002:7f00:1::]/hook",
                        "https://[2002:a9fe:a9fe::]/latest/meta-data",
                        "https://198.18.0.1/hook",
                        "https://240.0.0.1/hook",
                        "https://255.255.255.255/hook")) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("url", url))
                    .when()
                    .post("/api/v1/partners/" + partner + "/endpoints")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"))
                    .body("errors[0].message", startsWith("resolves to a special-purpose address"));
        }
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void plainHttpIsRefusedAtRegistration() {
        String partner = partner("Unencrypted", List.of("g"), List.of("moqtail"));
        given().contentType(ContentType.JSON)
                .body(Map.of("url", "http://93.184.216.34/hook"))
                .when()
                .post("/api/v1/partners/" + partner + "/endpoints")
                .then()
                .statusCode(400)
                .body("errors[0].message", equalTo("must be an https URL"));
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void aPublicHttpsAddressIsAccepted() {
        String partner = partner("Public", List.of("g"), List.of("moqtail"));
        given().contentType(ContentType.JSON)
                .body(Map.of("url", "https://93.184.216.34/hook"))
                .when()
                .post("/api/v1/partners/" + partner + "/endpoints")
                .then()
                .statusCode(201);
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void aHostThatRebindsToLoopbackAfterItsCheckIsNeverConnectedTo() throws IOException {
        try (ConnectionCounter local = new ConnectionCounter()) {
            String group = freshGroup();
            String partner = partner("Rebinding", List.of(group), List.of("moqtail"));
            // Public for the registration's check and the first try's; loopback from then on.
            RebindingResolver.answerPublicFor(2);
            endpoint(partner, "https://localhost:" + local.port() + "/hook");

            Events.publish(PreAdvisories.released(cipher, "moqtail", group, "Rebinding"));

            // The first try goes to the public address it checked, and fails there; the second
            // looks the host up again, gets loopback, and is refused before connecting.
            awaitFirstDelivery(
                    partner, allOf(notNullValue(), not(startsWith("address refused"))), equalTo(1));
            awaitFirstDelivery(
                    partner,
                    equalTo(
                            "address refused: resolves to a special-purpose address (127.0.0.1,"
                                    + " loopback)"),
                    greaterThanOrEqualTo(2));
            assertThat(local.connections()).isZero();
        } finally {
            RebindingResolver.answerPublicFor(0);
        }
    }

    private static void awaitFirstDelivery(
            String partner, Matcher<?> lastError, Matcher<?> attempts) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().when()
                                        .get("/api/v1/partners/" + partner + "/deliveries")
                                        .then()
                                        .statusCode(200)
                                        .body("[0].lastError", lastError)
                                        .body("[0].attempts", attempts));
    }

    /** The defaults of production: no plain HTTP, no private addresses. */
    public static class ProductionAddressRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "embargo.notify.webhooks.allow-http",
                    "false",
                    "embargo.notify.webhooks.allow-private-addresses",
                    "false",
                    "embargo.notify.webhooks.retry-schedule",
                    "3s,1s,1s",
                    "embargo.notify.webhooks.timeout",
                    "2s");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(RebindingResolver.class);
        }
    }

    /**
     * The system's resolver, except that while told to it answers a public address for {@code
     * localhost}; after that, the loopback address again.
     */
    @Alternative
    @ApplicationScoped
    public static class RebindingResolver implements HostResolver {

        private static final AtomicInteger PUBLIC_ANSWERS_LEFT = new AtomicInteger();

        static void answerPublicFor(int lookups) {
            PUBLIC_ANSWERS_LEFT.set(lookups);
        }

        @Override
        public List<InetAddress> addressesOf(String host) throws UnknownHostException {
            if (host.equals("localhost")
                    && PUBLIC_ANSWERS_LEFT.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                return List.of(
                        InetAddress.getByAddress(
                                host, new byte[] {93, (byte) 184, (byte) 216, 34}));
            }
            return List.of(InetAddress.getAllByName(host));
        }
    }

    /** A port on 127.0.0.1 that counts the connections made to it, whatever they then send. */
    private static final class ConnectionCounter implements AutoCloseable {

        private final ServerSocket socket =
                new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final AtomicInteger connections = new AtomicInteger();

        ConnectionCounter() throws IOException {
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
