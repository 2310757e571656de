package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Partners;
import dev.embargo.e2e.support.RunningStack;
import dev.embargo.e2e.support.WebhookReceivers;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Partners answer a pre-advisory through the links in their copies, on the real stack: advisory
 * releases it, notify delivers each partner's link, the partners answer, the coordinator's board
 * shows it, and the program's team is warned once before the lift. The answers' rules are notify's
 * own (PartnerAnswerResourceTest, ReadinessBoardResourceTest, LiftReadinessWarningsTest).
 */
@ExtendWith(EmbargoStack.class)
class PartnerAnswersIT {

    private static final String TEAM = "security@moqtail.dev";
    private static final Pattern TOKEN =
            Pattern.compile("/partner/v1/preadvisories/([A-Za-z0-9_-]{43})");

    private RunningStack stack;
    private Partners partners;
    private WebhookReceivers receivers;

    @BeforeEach
    void partnersAndReceivers(RunningStack runningStack) {
        stack = runningStack;
        partners = new Partners(stack);
        receivers = new WebhookReceivers();
    }

    @AfterEach
    void stopReceivers() {
        receivers.close();
    }

    @Test
    void twoPartnersAnswerThroughTheirLinksTheBoardShowsItAndTheTeamIsWarnedOnce() {
        String group = "group-" + UUID.randomUUID().toString().substring(0, 8);
        String distro = partners.register("Distro Linux", List.of(group), List.of("moqtail"));
        partners.addEndpoint(distro, receivers.url("/distro"));
        String appliance = partners.register("Appliance Co", List.of(group), List.of("moqtail"));
        partners.addEndpoint(appliance, receivers.url("/appliance"));

        // Within the 24 hours before the lift: the team is warned as soon as a partner is late.
        String preAdvisory =
                partners.releasePreAdvisory(
                        "Selector bypass", List.of(group), Instant.now().plus(Duration.ofHours(6)));

        String distroLink = linkIn("/distro");
        String applianceLink = linkIn("/appliance");
        answer("POST", distroLink + "/acknowledge", null);
        answer(
                "POST",
                distroLink + "/statements",
                Map.of(
                        "product",
                        "moqtail-broker package",
                        "status",
                        "not_affected",
                        "justification",
                        "vulnerable_code_not_in_execute_path"));
        answer("POST", applianceLink + "/acknowledge", null);
        answer(
                "PUT",
                applianceLink + "/readiness",
                Map.of("readiness", "need_more_time", "reason", "Firmware QA takes a week"));

        given().auth()
                .oauth2(stack.staffTokens().of("coordinator"))
                .when()
                .get(
                        stack.serviceUrl("notify")
                                + "/api/v1/preadvisories/"
                                + preAdvisory
                                + "/readiness")
                .then()
                .statusCode(200)
                .body("counts.received", equalTo(2))
                .body("counts.acknowledged", equalTo(2))
                .body("counts.answered", equalTo(2))
                .body("counts.ready", equalTo(0))
                .body(
                        "partners.find { it.name == 'Distro Linux' }.statements[0].justification",
                        equalTo("vulnerable_code_not_in_execute_path"))
                .body(
                        "partners.find { it.name == 'Appliance Co' }.readiness",
                        equalTo("need_more_time"));

        String warning = "Partners not ready for the lift: " + preAdvisory;
        await().atMost(Duration.ofSeconds(20))
                .until(() -> stack.mailbox().subjects(TEAM).contains(warning));
        // Several checks later (one a second on the test stack), still one warning.
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
        assertThat(stack.mailbox().subjects(TEAM).stream().filter(warning::equals)).hasSize(1);
    }

    /** The partner's link, from the copy its endpoint received, on this stack's notify. */
    private String linkIn(String path) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !receivers.at(path).isEmpty());
        Matcher token = TOKEN.matcher(receivers.at(path).getFirst().body());
        assertThat(token.find()).as("answer link in the copy to %s", path).isTrue();
        return stack.serviceUrl("notify") + "/partner/v1/preadvisories/" + token.group(1);
    }

    private static void answer(String method, String url, Map<String, String> body) {
        var request = given().contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        request.when().request(method, url).then().statusCode(200);
    }
}
