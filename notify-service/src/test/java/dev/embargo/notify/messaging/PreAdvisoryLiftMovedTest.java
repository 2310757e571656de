package dev.embargo.notify.messaging;

import static dev.embargo.notify.NotifyTestInfrastructure.events;
import static dev.embargo.notify.support.PartnerApi.endpoint;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.embargo.contracts.advisory.PreAdvisoryLiftMoved;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.notify.support.AnswerLinks;
import dev.embargo.notify.support.AnswerLinks.Holder;
import dev.embargo.notify.support.WebhookReceiver;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PreAdvisoryLiftMovedTest {

    @Inject FieldCipher cipher;

    @Inject MockMailbox mailbox;

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void partnersHoldingThePreAdvisoryAreToldTheNewLiftAndTheirLinksFollowIt() {
        Instant told = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        AnswerLinks.Told preAdvisory =
                AnswerLinks.tell(cipher, mailbox, "moqtail", told, "Moved vendor");
        Holder vendor = preAdvisory.partners().getFirst();
        Instant moved = told.plus(2, ChronoUnit.DAYS);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            endpoint(vendor.partnerId(), receiver.url("/moved"));

            events().publish(
                            new PreAdvisoryLiftMoved(
                                    preAdvisory.advisoryId(),
                                    "moqtail",
                                    List.of("any-group"),
                                    moved,
                                    told,
                                    "cora",
                                    Instant.now()));

            await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.at("/moved").isEmpty());
            assertThat(receiver.at("/moved").getFirst().body())
                    .contains("\"type\":\"preadvisory.lift.moved\"")
                    .contains("\"embargoUntil\":\"" + moved + "\"")
                    .contains("\"previousEmbargoUntil\":\"" + told + "\"");
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailbox.getMailsSentTo(vendor.contact()).size() == 2);
        assertThat(mailbox.getMailsSentTo(vendor.contact()).getLast().getSubject())
                .isEqualTo("The embargo of a pre-advisory lifts at a new time: EMB-2026-0042");
        given().when()
                .get("/partner/v1/preadvisories/" + vendor.token())
                .then()
                .statusCode(200)
                .body("embargoUntil", equalTo(moved.toString()));
        given().when()
                .get("/api/v1/preadvisories/" + preAdvisory.advisoryId() + "/readiness")
                .then()
                .statusCode(200)
                .body("embargoUntil", equalTo(moved.toString()))
                .body("warnedAt", nullValue());
    }
}
