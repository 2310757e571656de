package dev.embargo.notify.rest;

import static dev.embargo.notify.support.PartnerApi.freshGroup;
import static dev.embargo.notify.support.PartnerApi.partner;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Webhook URLs as production checks them: HTTPS on public addresses only. The module's other tests
 * run with the local stack's allowances (plain HTTP to 127.0.0.1); this one profile takes them
 * away. Nothing here connects anywhere: the rebinding of a host between its check and its delivery
 * is tested on loopback addresses in {@code WebhookDeliveriesTest}.
 */
@QuarkusTest
@TestProfile(PrivateWebhookAddressesTest.ProductionAddressRules.class)
class PrivateWebhookAddressesTest {

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
        // A group of its own: no pre-advisory ever goes to this public address.
        String partner = partner("Public", List.of(freshGroup()), List.of("moqtail"));
        given().contentType(ContentType.JSON)
                .body(Map.of("url", "https://93.184.216.34/hook"))
                .when()
                .post("/api/v1/partners/" + partner + "/endpoints")
                .then()
                .statusCode(201);
    }

    /** The defaults of production: no plain HTTP, no private addresses. */
    public static class ProductionAddressRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "embargo.notify.webhooks.allow-http",
                    "false",
                    "embargo.notify.webhooks.allow-private-addresses",
                    "false");
        }
    }
}
