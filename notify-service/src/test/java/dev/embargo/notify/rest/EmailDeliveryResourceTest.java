package dev.embargo.notify.rest;

import static dev.embargo.notify.NotifyTestInfrastructure.events;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.notify.support.ReportEvents;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EmailDeliveryResourceTest {

    private static final String LOG = "/api/v1/email-deliveries";

    @Inject FieldCipher cipher;

    @Inject MockMailbox mailbox;

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void aCoordinatorSeesASentAcknowledgementInTheLogWithoutItsRecipient() {
        String reporter = "reporter-" + UUID.randomUUID() + "@example.org";
        ReportEvents report = acknowledgedReport("moqtail", reporter);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().queryParam("size", 500)
                                        .when()
                                        .get(LOG)
                                        .then()
                                        .statusCode(200)
                                        .body(
                                                "find { it.trackingId == '%s' }.status"
                                                        .formatted(report.trackingId()),
                                                equalTo("sent"))
                                        .body(
                                                "find { it.trackingId == '%s' }.kind"
                                                        .formatted(report.trackingId()),
                                                equalTo("acknowledgement"))
                                        .body(
                                                "find { it.trackingId == '%s' }.attempts"
                                                        .formatted(report.trackingId()),
                                                equalTo(1)));
        assertThat(given().queryParam("size", 500).when().get(LOG).then().extract().asString())
                .doesNotContain(reporter);
    }

    @Test
    @TestSecurity(user = "pia", roles = "coordinator")
    @OidcSecurity(
            claims =
                    @Claim(
                            key = "groups",
                            value = "[\"/programs/emek\"]",
                            type = ClaimType.JSON_ARRAY))
    void aCoordinatorOfOneProgramGroupSeesOnlyThatProgramsEmails() {
        String elsewhere = "reporter-" + UUID.randomUUID() + "@example.org";
        ReportEvents other = acknowledgedReport("moqtail", elsewhere);
        ReportEvents own =
                acknowledgedReport("emek", "reporter-" + UUID.randomUUID() + "@example.org");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !mailbox.getMailsSentTo(elsewhere).isEmpty());

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().queryParam("size", 500)
                                        .when()
                                        .get(LOG)
                                        .then()
                                        .statusCode(200)
                                        .body("trackingId", hasItem(own.trackingId())));
        assertThat(
                        given().queryParam("size", 500)
                                .when()
                                .get(LOG)
                                .then()
                                .extract()
                                .<String>jsonPath()
                                .getList("trackingId"))
                .doesNotContain(other.trackingId());
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void aPageOutOfBoundsIsRefused() {
        given().queryParam("size", 501)
                .when()
                .get(LOG)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("page", -1)
                .when()
                .get(LOG)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "tess", roles = "triager")
    void aTriagerMayNotReadTheLog() {
        given().when().get(LOG).then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "pat", roles = "publisher")
    void aPublisherMayNotReadTheLog() {
        given().when().get(LOG).then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anonymousCallersAreAskedToSignIn() {
        given().when().get(LOG).then().statusCode(401).contentType("application/problem+json");
    }

    private ReportEvents acknowledgedReport(String program, String reporter) {
        ReportEvents report = new ReportEvents(program);
        events().publish(report.submitted(cipher, reporter));
        events().publish(report.acknowledged());
        return report;
    }
}
