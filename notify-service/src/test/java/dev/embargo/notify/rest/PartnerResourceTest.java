package dev.embargo.notify.rest;

import static dev.embargo.notify.support.PartnerApi.endpoint;
import static dev.embargo.notify.support.PartnerApi.partner;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.embargo.notify.support.PartnerApi.Endpoint;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PartnerResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void aCoordinatorRegistersAPartnerAndFindsItInTheRegistry() {
        String id =
                partner(
                        "Broker Inc",
                        List.of("downstream-brokers"),
                        List.of("moqtail"),
                        "psirt@broker.example");

        given().when()
                .get("/api/v1/partners/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Broker Inc"))
                .body("contactEmail", equalTo("psirt@broker.example"))
                .body("groups", equalTo(List.of("downstream-brokers")))
                .body("programs", equalTo(List.of("moqtail")))
                .body("createdAt", notNullValue());
        given().when().get("/api/v1/partners").then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void anAdminManagesPartnersToo() {
        String id = partner("Distro", List.of("distributions"), List.of("emek"));
        given().when()
                .get("/api/v1/partners/" + id + "/endpoints")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        given().when()
                .get("/api/v1/partners/" + id + "/deliveries")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void anInvalidPartnerIsRefusedWithEachBadField() {
        given().contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "name",
                                " ",
                                "contactEmail",
                                "not-an-address",
                                "groups",
                                List.of("Not A Group"),
                                "programs",
                                List.of()))
                .when()
                .post("/api/v1/partners")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("detail", equalTo("The request has invalid fields."))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("contactEmail"))
                .body("errors.field", hasItem("programs"))
                .body("errors.message", hasItem("must be a partner group id"));
        given().contentType(ContentType.JSON)
                .when()
                .post("/api/v1/partners")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void aPartnerWithAnUnknownFieldIsRefused() {
        given().contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "name",
                                "X",
                                "contactEmail",
                                "x@x.example",
                                "groups",
                                List.of("g"),
                                "programs",
                                List.of("p"),
                                "secret",
                                "mine"))
                .when()
                .post("/api/v1/partners")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("detail", containsString("'secret'"));
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void anEndpointSecretIsShownWhenIssuedAndNeverAgain() {
        String partner = partner("Secretive", List.of("g"), List.of("moqtail"));
        Endpoint endpoint = endpoint(partner, "http://127.0.0.1:9/hook");

        given().when()
                .get("/api/v1/partners/" + partner + "/endpoints")
                .then()
                .statusCode(200)
                .body("[0].id", equalTo(endpoint.id()))
                .body("[0].url", equalTo("http://127.0.0.1:9/hook"))
                .body("[0].enabled", equalTo(true))
                .body("[0].secret", nullValue())
                .body("[0].previousSecretValidUntil", nullValue());
        given().when()
                .get("/api/v1/partners/" + partner)
                .then()
                .statusCode(200)
                .body("$", not(hasKey("secret")));
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void aRotationIssuesANewSecretOnceAndKeepsThePreviousOneSigningForAWhile() {
        String partner = partner("Rotating", List.of("g"), List.of("moqtail"));
        Endpoint endpoint = endpoint(partner, "http://127.0.0.1:9/hook");

        String rotated =
                given().when()
                        .post("/api/v1/webhook-endpoints/" + endpoint.id() + "/secret-rotation")
                        .then()
                        .statusCode(200)
                        .body("secret", startsWith("whsec_"))
                        .body("previousSecretValidUntil", notNullValue())
                        .extract()
                        .path("secret");

        org.assertj.core.api.Assertions.assertThat(rotated).isNotEqualTo(endpoint.secret());
        given().when()
                .get("/api/v1/partners/" + partner + "/endpoints")
                .then()
                .statusCode(200)
                .body("[0].secret", nullValue())
                .body("[0].previousSecretValidUntil", notNullValue());
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void aWebhookUrlThatIsNotHttpCarriesCredentialsOrIsNoUrlIsRefused() {
        String partner = partner("Careless", List.of("g"), List.of("moqtail"));
        Map<String, String> refusals =
                Map.of(
                        "ftp://127.0.0.1/hook", "must be an http or https URL",
                        "http://user:secret@127.0.0.1/hook", "must not carry credentials",
                        "not a url", "not a URL",
                        "https://", "not a URL",
                        "http:///no-host", "has no host",
                        "https://no-such-host.invalid/hook", "its host does not resolve");
        refusals.forEach(
                (url, why) ->
                        given().contentType(ContentType.JSON)
                                .body(Map.of("url", url))
                                .when()
                                .post("/api/v1/partners/" + partner + "/endpoints")
                                .then()
                                .statusCode(400)
                                .contentType(PROBLEM)
                                .body("detail", equalTo("The webhook URL is refused."))
                                .body("errors[0].field", equalTo("url"))
                                .body("errors[0].message", equalTo(why)));
        given().when()
                .get("/api/v1/partners/" + partner + "/endpoints")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void aMissingOrOverlongUrlIsRefusedBeforeItIsChecked() {
        String partner = partner("Sloppy", List.of("g"), List.of("moqtail"));
        for (Object body :
                List.of(
                        Map.of(),
                        Map.of("url", ""),
                        Map.of("url", "https://a.example/" + "x".repeat(2000)))) {
            given().contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post("/api/v1/partners/" + partner + "/endpoints")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors[0].field", equalTo("url"));
        }
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void anUnknownPartnerOrEndpointIsNotFound() {
        String unknown = UUID.randomUUID().toString();
        for (ValidatableResponse answer :
                List.of(
                        given().when().get("/api/v1/partners/" + unknown).then(),
                        given().when().get("/api/v1/partners/" + unknown + "/endpoints").then(),
                        given().when().get("/api/v1/partners/" + unknown + "/deliveries").then(),
                        given().contentType(ContentType.JSON)
                                .body(Map.of("url", "http://127.0.0.1:9/hook"))
                                .when()
                                .post("/api/v1/partners/" + unknown + "/endpoints")
                                .then(),
                        given().when()
                                .post("/api/v1/webhook-endpoints/" + unknown + "/secret-rotation")
                                .then(),
                        given().contentType(ContentType.JSON)
                                .body(Map.of("enabled", true))
                                .when()
                                .put("/api/v1/webhook-endpoints/" + unknown + "/enabled")
                                .then(),
                        given().contentType(ContentType.JSON)
                                .body(Map.of("since", "2026-01-01T00:00:00Z"))
                                .when()
                                .post("/api/v1/webhook-endpoints/" + unknown + "/replays")
                                .then(),
                        given().when()
                                .post("/api/v1/webhook-deliveries/" + unknown + "/replay")
                                .then())) {
            answer.statusCode(404).contentType(PROBLEM).body("detail", containsString(unknown));
        }
        given().when().get("/api/v1/partners/not-a-uuid").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void staffDisableAndEnableAnEndpoint() {
        String partner = partner("Switchable", List.of("g"), List.of("moqtail"));
        Endpoint endpoint = endpoint(partner, "http://127.0.0.1:9/hook");
        String enabled = "/api/v1/webhook-endpoints/" + endpoint.id() + "/enabled";

        given().contentType(ContentType.JSON)
                .body(Map.of("enabled", false))
                .when()
                .put(enabled)
                .then()
                .statusCode(200)
                .body("enabled", equalTo(false))
                .body("disabledReason", equalTo("disabled by staff"))
                .body("secret", nullValue());
        given().contentType(ContentType.JSON)
                .body(Map.of("enabled", true))
                .when()
                .put(enabled)
                .then()
                .statusCode(200)
                .body("enabled", equalTo(true))
                .body("disabledReason", nullValue());
        given().contentType(ContentType.JSON)
                .body(Map.of())
                .when()
                .put(enabled)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("enabled"));
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void aReplayNeedsAValidSinceAndAnswersHowManyItRequeued() {
        String partner = partner("Replaying", List.of("g"), List.of("moqtail"));
        Endpoint endpoint = endpoint(partner, "http://127.0.0.1:9/hook");
        String replays = "/api/v1/webhook-endpoints/" + endpoint.id() + "/replays";

        given().contentType(ContentType.JSON)
                .body(Map.of("since", "2026-01-01T00:00:00Z"))
                .when()
                .post(replays)
                .then()
                .statusCode(200)
                .body("requeued", equalTo(0));
        given().contentType(ContentType.JSON)
                .body(Map.of())
                .when()
                .post(replays)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("since"));
        given().contentType(ContentType.JSON)
                .body(Map.of("since", "yesterday"))
                .when()
                .post(replays)
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void aDeliveryLogPageOutOfBoundsIsRefused() {
        String partner = partner("Paged", List.of("g"), List.of("moqtail"));
        given().queryParam("size", 0)
                .when()
                .get("/api/v1/partners/" + partner + "/deliveries")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().queryParam("page", -1)
                .when()
                .get("/api/v1/partners/" + partner + "/deliveries")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "tess", roles = "triager")
    void aTriagerMayNotTouchPartnersOrEndpoints() {
        everyPartnerOperation().forEach(answer -> answer.statusCode(403).contentType(PROBLEM));
    }

    @Test
    @TestSecurity(user = "pat", roles = "publisher")
    void aPublisherMayNotTouchPartnersOrEndpoints() {
        everyPartnerOperation().forEach(answer -> answer.statusCode(403).contentType(PROBLEM));
    }

    @Test
    void anonymousCallersAreAskedToSignInForEveryPartnerOperation() {
        everyPartnerOperation().forEach(answer -> answer.statusCode(401).contentType(PROBLEM));
    }

    /**
     * Each operation of the partner registry, with a request that an allowed caller would get past
     * validation with.
     */
    private static List<ValidatableResponse> everyPartnerOperation() {
        String some = UUID.randomUUID().toString();
        return List.of(
                given().when().get("/api/v1/partners").then(),
                given().contentType(ContentType.JSON)
                        .body(
                                Map.of(
                                        "name",
                                        "X",
                                        "contactEmail",
                                        "x@x.example",
                                        "groups",
                                        List.of("g"),
                                        "programs",
                                        List.of("p")))
                        .when()
                        .post("/api/v1/partners")
                        .then(),
                given().when().get("/api/v1/partners/" + some).then(),
                given().when().get("/api/v1/partners/" + some + "/endpoints").then(),
                given().contentType(ContentType.JSON)
                        .body(Map.of("url", "http://127.0.0.1:9/hook"))
                        .when()
                        .post("/api/v1/partners/" + some + "/endpoints")
                        .then(),
                given().when().get("/api/v1/partners/" + some + "/deliveries").then(),
                given().when()
                        .post("/api/v1/webhook-endpoints/" + some + "/secret-rotation")
                        .then(),
                given().contentType(ContentType.JSON)
                        .body(Map.of("enabled", true))
                        .when()
                        .put("/api/v1/webhook-endpoints/" + some + "/enabled")
                        .then(),
                given().contentType(ContentType.JSON)
                        .body(Map.of("since", "2026-01-01T00:00:00Z"))
                        .when()
                        .post("/api/v1/webhook-endpoints/" + some + "/replays")
                        .then(),
                given().when().post("/api/v1/webhook-deliveries/" + some + "/replay").then());
    }
}
