package dev.embargo.advisory.rest;

import static dev.embargo.advisory.AdvisoryFixtures.MOQTAIL;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.advisory.AdvisoryFixtures;
import dev.embargo.advisory.format.OfficialSchemas;
import dev.embargo.advisory.service.AdvisoryDetails;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * After publication: a publisher or coordinator withdraws an advisory, supersedes it by another, or
 * rejects its CVE record, each with a reason. Each is published at once as a new version that every
 * format states as its standard does (checked against the official schemas, and by BSI's validator
 * in the build), audited, and announced once through the outbox; the page stays.
 */
@QuarkusTest
class WithdrawSupersedeAndRejectTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADVISORIES = "/api/v1/advisories/";

    @Inject AdvisoryFixtures fixtures;

    @Test
    @TestSecurity(user = "pat", roles = "publisher")
    void aPublisherWithdrawsAPublishedAdvisoryAndEveryFormatSaysSoWhileItsPageStays()
            throws Exception {
        AdvisoryDetails advisory = fixtures.published(MOQTAIL);
        String publicId = advisory.advisory().publicId;
        String reason = "Published in error: the report was not a vulnerability.";

        post(advisory, "/withdraw", Map.of("reason", reason))
                .statusCode(200)
                .body("retraction.kind", equalTo("WITHDRAWN"))
                .body("retraction.reason", equalTo(reason));

        JsonNode csaf = json("/advisories/" + publicId + "/csaf.json");
        assertThat(OfficialSchemas.violations(OfficialSchemas.CSAF, csaf)).isEmpty();
        assertThat(csaf.at("/document/tracking/status").asText()).isEqualTo("final");
        assertThat(csaf.at("/document/tracking/version").asText()).isEqualTo("2");
        assertThat(csaf.at("/document/tracking/revision_history/1/summary").asText())
                .isEqualTo("Withdrawn: " + reason);
        assertThat(note(csaf, "Reasoning for Withdrawal").path("category").asText())
                .isEqualTo("description");
        assertThat(note(csaf, "Reasoning for Withdrawal").path("text").asText()).contains(reason);
        JsonNode osv = json("/advisories/" + publicId + "/osv.json");
        assertThat(OfficialSchemas.violations(OfficialSchemas.OSV, osv)).isEmpty();
        assertThat(osv.path("withdrawn").asText()).isNotBlank();
        given().when()
                .get("/advisories/" + publicId)
                .then()
                .statusCode(200)
                .body(containsString("Withdrawn"))
                .body(containsString("not a vulnerability"));
        assertThat(text("/programs/moqtail/advisories.atom")).contains(publicId + ": [Withdrawn] ");
        assertThat(text("/.well-known/csaf/white/feed-tlp-white.json")).contains("[Withdrawn] ");
        assertThat(fixtures.outboxEvents("advisory.withdrawn.v1", advisory)).isEqualTo(1);
        assertThat(fixtures.outboxEvents("advisory.published.v1", advisory)).isEqualTo(1);
        given().when()
                .get(ADVISORIES + advisory.advisory().id + "/audit")
                .then()
                .body("find { it.action == 'withdrawn' }.actor", equalTo("pat"))
                .body("find { it.action == 'withdrawn' }.detail", equalTo(reason));
        // Every revision is kept and readable: drafted, revised, withdrawn.
        given().when()
                .get(ADVISORIES + advisory.advisory().id + "/revisions")
                .then()
                .body("size()", equalTo(3))
                .body("[2].changeSummary", equalTo("Withdrawn: " + reason))
                .body("[2].content.title", equalTo(advisory.content().title()));

        post(advisory, "/withdraw", Map.of("reason", "again")).statusCode(409);
        given().contentType(ContentType.JSON)
                .body(Map.of("changeSummary", "edit"))
                .when()
                .put(ADVISORIES + advisory.advisory().id)
                .then()
                .statusCode(409);
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void aCoordinatorSupersedesAnAdvisoryByAnotherPublishedOneWhichEveryFormatNames()
            throws Exception {
        AdvisoryDetails replaced = fixtures.published(MOQTAIL);
        AdvisoryDetails successor = fixtures.published(MOQTAIL);
        String publicId = replaced.advisory().publicId;
        String successorId = successor.advisory().publicId;

        post(replaced, "/supersede", Map.of("successor", publicId, "reason", "itself"))
                .statusCode(422);
        post(replaced, "/supersede", Map.of("successor", "EMB-1900-99999", "reason", "unknown"))
                .statusCode(422);
        post(replaced, "/supersede", Map.of("successor", successorId, "reason", "Merged."))
                .statusCode(200)
                .body("retraction.kind", equalTo("SUPERSEDED"))
                .body("retraction.successorId", equalTo(successorId));

        JsonNode csaf = json("/advisories/" + publicId + "/csaf.json");
        assertThat(OfficialSchemas.violations(OfficialSchemas.CSAF, csaf)).isEmpty();
        assertThat(note(csaf, "Reasoning for Supersession").path("text").asText())
                .isEqualTo("Superseded by " + successorId + ": Merged.");
        JsonNode successorReference = null;
        for (JsonNode reference : csaf.at("/document/references")) {
            if (reference.path("summary").asText().equals("Superseding Document: " + successorId)) {
                successorReference = reference;
            }
        }
        assertThat(successorReference).isNotNull();
        assertThat(successorReference.path("category").asText()).isEqualTo("external");
        assertThat(successorReference.path("url").asText()).endsWith("/advisories/" + successorId);
        JsonNode osv = json("/advisories/" + publicId + "/osv.json");
        assertThat(OfficialSchemas.violations(OfficialSchemas.OSV, osv)).isEmpty();
        assertThat(osv.path("withdrawn").asText()).isNotBlank();
        assertThat(osv.path("related").get(0).asText()).isEqualTo("x_" + successorId);
        assertThat(text("/advisories/" + publicId))
                .contains("Superseded by " + successorId, "/advisories/" + successorId);
        assertThat(fixtures.outboxEvents("advisory.superseded.v1", replaced)).isEqualTo(1);
        // The successor itself stands untouched.
        assertThat(json("/advisories/" + successorId + "/osv.json").has("withdrawn")).isFalse();
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void rejectingAnAdvisorysCveRecordPublishesAValidRejectedRecordAndQueuesIt() throws Exception {
        AdvisoryDetails advisory = fixtures.published(MOQTAIL);
        String reason = "Duplicate of CVE-1900-0001.";

        post(advisory, "/cve-record/reject", Map.of("reason", reason))
                .statusCode(200)
                .body("cveRejection.reason", equalTo(reason));

        JsonNode cve = json("/advisories/" + advisory.advisory().publicId + "/cve.json");
        assertThat(OfficialSchemas.violations(OfficialSchemas.CVE, cve)).isEmpty();
        assertThat(cve.at("/cveMetadata/state").asText()).isEqualTo("REJECTED");
        assertThat(cve.at("/cveMetadata/cveId").asText()).isEqualTo(advisory.content().cveId());
        assertThat(cve.at("/containers/cna/rejectedReasons/0/value").asText()).isEqualTo(reason);
        assertThat(
                        fixtures.count(
                                "select count(*) from cve_submission where advisory_id = ? and"
                                        + " record_state = 'REJECTED'",
                                advisory.advisory().id))
                .isEqualTo(1);
        assertThat(fixtures.outboxEvents("cve.record.rejected.v1", advisory)).isEqualTo(1);
        post(advisory, "/cve-record/reject", Map.of("reason", reason)).statusCode(409);
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void aDraftCannotBeWithdrawnNorItsCveRecordRejected() {
        AdvisoryDetails draft = fixtures.complete(MOQTAIL);

        post(draft, "/withdraw", Map.of("reason", "in error")).statusCode(409);
        post(draft, "/cve-record/reject", Map.of("reason", "duplicate")).statusCode(409);
        assertThat(fixtures.outboxEvents("advisory.withdrawn.v1", draft)).isZero();
    }

    private static ValidatableResponse post(
            AdvisoryDetails advisory, String action, Map<String, String> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(ADVISORIES + advisory.advisory().id + action)
                .then();
    }

    private static JsonNode note(JsonNode csaf, String title) {
        List<JsonNode> matching = new ArrayList<>();
        csaf.at("/document/notes")
                .forEach(
                        note -> {
                            if (note.path("title").asText().equals(title)) {
                                matching.add(note);
                            }
                        });
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private static String text(String path) {
        return given().when().get(path).then().statusCode(200).extract().asString();
    }

    private static JsonNode json(String path) throws Exception {
        return JSON.readTree(text(path));
    }
}
