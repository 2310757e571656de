package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.e2e.support.AdvisoryDrafts;
import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import dev.embargo.e2e.support.WebhookReceivers;
import dev.embargo.e2e.support.WebhookReceivers.Received;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Advisories after publication, on the real stack: a published advisory is withdrawn and every
 * format says so while its page stays, the program's partner is told once by webhook and email; its
 * CVE record is rejected with a reason; a second advisory supersedes a third; one is merged into
 * another and split out again.
 */
@ExtendWith(EmbargoStack.class)
class AdvisoryAfterPublicationIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunningStack stack;
    private WebhookReceivers receivers;
    private String publisher;
    private String coordinator;
    private final String unique = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void staffAndReceivers(RunningStack runningStack) {
        stack = runningStack;
        receivers = new WebhookReceivers();
        publisher = stack.staffTokens().of("publisher");
        coordinator = stack.staffTokens().of("coordinator");
    }

    @AfterEach
    void stopReceivers() {
        receivers.close();
    }

    @Test
    void withdrawnSupersededAndRejectedAdvisoriesSayItInEveryFormatAndPartnersAreToldOnce()
            throws Exception {
        String contact = "psirt-changes-" + unique + "@partner.example";
        String partnerId = partner(contact);
        endpoint(partnerId, "/changes");
        String withdrawnId = published("Withdrawn " + unique, true);

        String reason = "Published in error: not reproducible " + unique;
        post(publisher, withdrawnId, "/withdraw", Map.of("reason", reason))
                .statusCode(200)
                .body("retraction.kind", equalTo("WITHDRAWN"));
        String publicId = publicIdOf(withdrawnId);

        JsonNode csaf = publicJson("/advisories/" + publicId + "/csaf.json");
        assertThat(csaf.at("/document/tracking/status").asText()).isEqualTo("final");
        assertThat(csaf.at("/document/notes").findValuesAsText("title"))
                .contains("Reasoning for Withdrawal");
        assertThat(csaf.at("/document/tracking/revision_history/1/summary").asText())
                .isEqualTo("Withdrawn: " + reason);
        assertThat(publicJson("/advisories/" + publicId + "/osv.json").path("withdrawn").asText())
                .isNotBlank();
        assertThat(publicText("/advisories/" + publicId)).contains("Withdrawn", reason);
        assertThat(publicText("/programs/moqtail/advisories.atom"))
                .contains(publicId + ": [Withdrawn] ");
        assertThat(publicText("/.well-known/csaf/white/feed-tlp-white.json"))
                .contains("[Withdrawn] ");

        // Its CVE record is rejected with a reason.
        String rejection = "Not a vulnerability " + unique;
        post(coordinator, withdrawnId, "/cve-record/reject", Map.of("reason", rejection))
                .statusCode(200);
        JsonNode cve = publicJson("/advisories/" + publicId + "/cve.json");
        assertThat(cve.at("/cveMetadata/state").asText()).isEqualTo("REJECTED");
        assertThat(cve.at("/containers/cna/rejectedReasons/0/value").asText()).isEqualTo(rejection);
        given().auth()
                .oauth2(coordinator)
                .when()
                .get(advisories() + "/" + withdrawnId + "/cve-submissions")
                .then()
                .statusCode(200)
                .body(
                        "find { it.recordState == 'REJECTED' }.cveId",
                        equalTo(cve.at("/cveMetadata/cveId").asText()));

        // The partner is told of each change once: the rejection arrives after the withdrawal.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> bodies("cve.record.rejected").size() == 1);
        assertThat(bodies("advisory.withdrawn")).singleElement().asString().contains(reason);
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                stack.mailbox().subjects(contact).stream()
                                        .anyMatch(subject -> subject.contains("withdrawn")));
        assertThat(stack.mailbox().subjects(contact))
                .filteredOn(subject -> subject.contains("withdrawn"))
                .containsExactly("[" + publicId + "] Published advisory changed: withdrawn");

        // A second advisory supersedes a third.
        String successor = published("Successor " + unique, false);
        String replaced = published("Replaced " + unique, false);
        String successorPublicId = publicIdOf(successor);
        String replacedPublicId = publicIdOf(replaced);
        post(
                        coordinator,
                        replaced,
                        "/supersede",
                        Map.of("successor", successorPublicId, "reason", "Merged " + unique))
                .statusCode(200)
                .body("retraction.successorId", equalTo(successorPublicId));
        JsonNode replacedCsaf = publicJson("/advisories/" + replacedPublicId + "/csaf.json");
        assertThat(replacedCsaf.at("/document/references").findValuesAsText("summary"))
                .contains("Superseding Document: " + successorPublicId);
        JsonNode replacedOsv = publicJson("/advisories/" + replacedPublicId + "/osv.json");
        assertThat(replacedOsv.path("related").get(0).asText()).isEqualTo("x_" + successorPublicId);
        assertThat(publicText("/advisories/" + replacedPublicId))
                .contains("Superseded by " + successorPublicId);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> bodies("advisory.superseded").size() == 1);
    }

    @Test
    void aPublishedAdvisoryMergedIntoAnotherAndSplitOutAgainKeepsItsCveIdInOneAdvisory()
            throws Exception {
        String kept = published("Kept " + unique, true);
        String merged = published("Merged " + unique, true);
        String keptPublicId = publicIdOf(kept);
        String mergedCve =
                publicJson("/advisories/" + publicIdOf(merged) + "/csaf.json")
                        .at("/vulnerabilities/0/cve")
                        .asText();

        given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(Map.of("from", merged, "reason", "One root cause " + unique))
                .when()
                .post(advisories() + "/" + kept + "/merge")
                .then()
                .statusCode(200)
                .body("content.vulnerabilities[0].cveId", equalTo(mergedCve));
        assertThat(publicText("/advisories/" + publicIdOf(merged)))
                .contains("Superseded by " + keptPublicId);

        String created =
                given().auth()
                        .oauth2(publisher)
                        .contentType(ContentType.JSON)
                        .body(Map.of("vulnerabilities", List.of(mergedCve), "title", "Split out"))
                        .when()
                        .post(advisories() + "/" + kept + "/split")
                        .then()
                        .statusCode(201)
                        .body("state", equalTo("published"))
                        .extract()
                        .path("publicId");
        JsonNode source = publicJson("/advisories/" + keptPublicId + "/csaf.json");
        assertThat(source.at("/vulnerabilities").findValuesAsText("cve")).doesNotContain(mergedCve);
        assertThat(source.at("/document/tracking/revision_history").findValuesAsText("summary"))
                .contains("Split: " + mergedCve + " moved to " + created + ".");
        assertThat(
                        publicJson("/advisories/" + created + "/cve.json")
                                .at("/cveMetadata/cveId")
                                .asText())
                .isEqualTo(mergedCve);
    }

    /** An accepted case's advisory, complete and published by an early break; its id. */
    private String published(String title, boolean withCve) {
        SubmittedReport report =
                stack.reporter()
                        .submit(
                                "moqtail",
                                "Report of " + title,
                                "A wildcard after a negation reads topics beyond the role.",
                                "changes-" + UUID.randomUUID() + "@example.org",
                                "Ada Lovelace");
        AdvisoryDrafts.acceptCase(stack, report);
        String advisoryId = AdvisoryDrafts.draft(stack, report.trackingId());
        String cve = withCve ? "CVE-1900-" + (10000 + (int) (Math.random() * 89999)) : null;
        AdvisoryDrafts.revise(stack, advisoryId, title, cve, "Complete").then().statusCode(200);
        post(coordinator, advisoryId, "/early-break", Map.of("reason", "Exploited"))
                .statusCode(200)
                .body("state", equalTo("published"));
        return advisoryId;
    }

    private List<String> bodies(String type) {
        return receivers.at("/changes").stream()
                .map(Received::body)
                .filter(body -> body.contains("\"type\":\"" + type + "\""))
                .toList();
    }

    private ValidatableResponse post(
            String token, String advisoryId, String action, Map<String, String> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(advisories() + "/" + advisoryId + action)
                .then();
    }

    private String publicIdOf(String advisoryId) {
        return given().auth()
                .oauth2(publisher)
                .when()
                .get(advisories() + "/" + advisoryId)
                .then()
                .statusCode(200)
                .extract()
                .path("publicId");
    }

    private String partner(String contact) {
        return given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "name",
                                "Changes " + unique,
                                "contactEmail",
                                contact,
                                "groups",
                                List.of("downstream-brokers"),
                                "programs",
                                List.of("moqtail")))
                .when()
                .post(stack.serviceUrl("notify") + "/api/v1/partners")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private void endpoint(String partnerId, String path) {
        given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(Map.of("url", receivers.url(path)))
                .when()
                .post(stack.serviceUrl("notify") + "/api/v1/partners/" + partnerId + "/endpoints")
                .then()
                .statusCode(201);
    }

    private String publicText(String path) {
        return given().baseUri(stack.serviceUrl("advisory"))
                .urlEncodingEnabled(false)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private JsonNode publicJson(String path) throws Exception {
        return JSON.readTree(publicText(path));
    }

    private String advisories() {
        return stack.serviceUrl("advisory") + "/api/v1/advisories";
    }
}
