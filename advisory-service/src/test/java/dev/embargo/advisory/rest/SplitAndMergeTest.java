package dev.embargo.advisory.rest;

import static dev.embargo.advisory.AdvisoryFixtures.EMEK;
import static dev.embargo.advisory.AdvisoryFixtures.MOQTAIL;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.advisory.AdvisoryFixtures;
import dev.embargo.advisory.format.OfficialSchemas;
import dev.embargo.advisory.service.AdvisoryDetails;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Splitting and merging advisories with the CVE IDs that go with them. Published ones change in
 * public: the merged one is superseded, the split one's next version says where its vulnerabilities
 * went and the new one is published at once (documents checked against the official schemas, and by
 * BSI's validator in the build). Unpublished ones just move, and nothing becomes public.
 */
@QuarkusTest
class SplitAndMergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADVISORIES = "/api/v1/advisories/";

    @Inject AdvisoryFixtures fixtures;

    @Test
    @TestSecurity(user = "pat", roles = "publisher")
    void aPublishedAdvisoryMergedIntoAnotherIsSupersededAndSplittingItOutPublishesItAnew()
            throws Exception {
        AdvisoryDetails target = fixtures.published(MOQTAIL);
        AdvisoryDetails merged = fixtures.published(MOQTAIL);
        String targetId = target.advisory().publicId;
        String mergedCve = merged.content().cveId();

        post(target, "/merge", Map.of("from", id(merged), "reason", "One root cause."))
                .statusCode(200)
                .body("content.cveId", equalTo(target.content().cveId()))
                .body("content.vulnerabilities[0].cveId", equalTo(mergedCve));

        JsonNode csaf = json("/advisories/" + targetId + "/csaf.json");
        assertThat(OfficialSchemas.violations(OfficialSchemas.CSAF, csaf)).isEmpty();
        assertThat(texts(csaf.at("/vulnerabilities"), "cve"))
                .containsExactly(target.content().cveId(), mergedCve);
        assertThat(lastRevision(csaf))
                .isEqualTo(
                        "Merged "
                                + merged.advisory().publicId
                                + " ("
                                + mergedCve
                                + "): One root cause.");
        JsonNode osv = json("/advisories/" + targetId + "/osv.json");
        assertThat(OfficialSchemas.violations(OfficialSchemas.OSV, osv)).isEmpty();
        assertThat(osv.path("related").toString()).contains(mergedCve);
        given().when()
                .get(ADVISORIES + id(merged))
                .then()
                .body("retraction.kind", equalTo("SUPERSEDED"))
                .body("retraction.successorId", equalTo(targetId));
        assertThat(fixtures.outboxEvents("advisory.superseded.v1", merged)).isEqualTo(1);
        assertThat(audit(target, "merged")).contains(merged.advisory().publicId);
        post(target, "/merge", Map.of("from", id(merged), "reason", "again")).statusCode(409);

        String created =
                post(
                                target,
                                "/split",
                                Map.of("vulnerabilities", List.of(mergedCve), "title", "Split"))
                        .statusCode(201)
                        .body("state", equalTo("published"))
                        .body("trackingId", equalTo(target.advisory().trackingId))
                        .body("content.cveId", equalTo(mergedCve))
                        .body("content.title", equalTo("Split"))
                        .extract()
                        .path("publicId");

        JsonNode source = json("/advisories/" + targetId + "/csaf.json");
        assertThat(OfficialSchemas.violations(OfficialSchemas.CSAF, source)).isEmpty();
        assertThat(texts(source.at("/vulnerabilities"), "cve"))
                .containsExactly(target.content().cveId());
        assertThat(lastRevision(source))
                .isEqualTo("Split: " + mergedCve + " moved to " + created + ".");
        assertThat(texts(source.at("/document/references"), "url"))
                .anyMatch(url -> url.endsWith("/advisories/" + created));
        JsonNode newCsaf = json("/advisories/" + created + "/csaf.json");
        assertThat(OfficialSchemas.violations(OfficialSchemas.CSAF, newCsaf)).isEmpty();
        assertThat(texts(newCsaf.at("/vulnerabilities"), "cve")).containsExactly(mergedCve);
        JsonNode cve = json("/advisories/" + created + "/cve.json");
        assertThat(OfficialSchemas.violations(OfficialSchemas.CVE, cve)).isEmpty();
        assertThat(cve.at("/cveMetadata/cveId").asText()).isEqualTo(mergedCve);
        assertThat(texts(cve.at("/containers/cna/references"), "url"))
                .anyMatch(url -> url.endsWith("/advisories/" + created));
        assertThat(
                        fixtures.count(
                                "select count(*) from cve_submission s join advisory a on a.id ="
                                        + " s.advisory_id where a.public_id = ? and s.cve_id = ?",
                                created,
                                mergedCve))
                .isEqualTo(1);
        assertThat(json("/advisories/" + targetId + "/cve.json").at("/cveMetadata/cveId").asText())
                .isEqualTo(target.content().cveId());
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void unpublishedAdvisoriesMergeAndSplitWithoutAnythingBecomingPublic() {
        AdvisoryDetails target = fixtures.complete(MOQTAIL);
        AdvisoryDetails merged = fixtures.complete(MOQTAIL);
        String mergedCve = merged.content().cveId();

        post(target, "/merge", Map.of("from", id(merged), "reason", "Duplicate report."))
                .statusCode(200)
                .body("content.vulnerabilities[0].cveId", equalTo(mergedCve));
        given().when()
                .get(ADVISORIES + id(merged))
                .then()
                .body("state", equalTo("draft"))
                .body("liftAt", nullValue())
                .body("retraction.successorId", equalTo(target.advisory().publicId));
        assertThat(audit(merged, "merged-into")).contains(target.advisory().publicId);
        assertThat(fixtures.outboxEvents("advisory.superseded.v1", merged)).isZero();
        Instant lift = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);
        // Closed for good: it can never be scheduled, so never published.
        problem(
                given().contentType(ContentType.JSON)
                        .body(Map.of("liftAt", lift.toString()))
                        .when()
                        .put(ADVISORIES + id(merged) + "/embargo")
                        .then(),
                409);
        problem(post(merged, "/early-break", Map.of("reason", "exploited")), 409);

        given().contentType(ContentType.JSON)
                .body(Map.of("liftAt", lift.toString()))
                .when()
                .put(ADVISORIES + id(target) + "/embargo")
                .then()
                .statusCode(200);
        String created =
                post(
                                target,
                                "/split",
                                Map.of("vulnerabilities", List.of(mergedCve), "title", "Split"))
                        .statusCode(201)
                        .body("state", equalTo("scheduled"))
                        .body("liftAt", equalTo(lift.toString()))
                        .body("content.cveId", equalTo(mergedCve))
                        .extract()
                        .path("publicId");
        given().when()
                .get(ADVISORIES + id(target) + "/revisions")
                .then()
                .body(
                        "[-1].changeSummary",
                        equalTo("Split: " + mergedCve + " moved to " + created + "."))
                .body("[-1].content.vulnerabilities.size()", equalTo(0));
        given().when().get("/advisories/" + created).then().statusCode(404);
        assertThat(fixtures.outboxEvents("advisory.published.v1", target)).isZero();
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void badSplitsAndMergesAreProblemsNamingWhy() {
        AdvisoryDetails draft = fixtures.complete(MOQTAIL);
        AdvisoryDetails other = fixtures.complete(MOQTAIL);
        AdvisoryDetails published = fixtures.published(MOQTAIL);
        String cve = draft.content().cveId();

        problem(
                post(draft, "/split", Map.of("vulnerabilities", List.of(cve), "title", "All")),
                422);
        problem(
                post(
                        draft,
                        "/split",
                        Map.of("vulnerabilities", List.of("CVE-1900-0000001"), "title", "x")),
                422);
        problem(post(draft, "/split", Map.of("vulnerabilities", List.of(), "title", "x")), 400);
        problem(post(draft, "/split", Map.of("vulnerabilities", List.of(cve))), 400);
        problem(
                given().contentType(ContentType.JSON)
                        .body(Map.of("vulnerabilities", List.of(cve), "title", "x"))
                        .when()
                        .post(ADVISORIES + UUID.randomUUID() + "/split")
                        .then(),
                404);
        problem(post(draft, "/merge", Map.of("from", id(draft), "reason", "x")), 422);
        problem(
                post(draft, "/merge", Map.of("from", UUID.randomUUID().toString(), "reason", "x")),
                404);
        problem(post(draft, "/merge", Map.of("from", id(other))), 400);
        problem(
                post(draft, "/merge", Map.of("from", id(fixtures.complete(EMEK)), "reason", "x")),
                422);
        problem(post(draft, "/merge", Map.of("from", id(published), "reason", "x")), 409);
        problem(post(published, "/merge", Map.of("from", id(other), "reason", "x")), 409);
        post(published, "/withdraw", Map.of("reason", "In error.")).statusCode(200);
        problem(
                post(published, "/split", Map.of("vulnerabilities", List.of(cve), "title", "x")),
                409);
        // A vulnerability is named once in an advisory.
        problem(
                given().contentType(ContentType.JSON)
                        .body(
                                Map.of(
                                        "changeSummary",
                                        "twice",
                                        "cveId",
                                        cve,
                                        "vulnerabilities",
                                        List.of(Map.of("cveId", cve))))
                        .when()
                        .put(ADVISORIES + id(draft))
                        .then(),
                400);
    }

    @Test
    @TestSecurity(
            user = "pia",
            roles = {"publisher", "coordinator"})
    @OidcSecurity(
            claims =
                    @Claim(
                            key = "groups",
                            value = "[\"/programs/emek\"]",
                            type = ClaimType.JSON_ARRAY))
    void staffOfAnotherProgramCanNeitherSplitNorMergeItsAdvisories() {
        AdvisoryDetails moqtail = fixtures.complete(MOQTAIL);
        AdvisoryDetails emek = fixtures.complete(EMEK);

        problem(post(emek, "/merge", Map.of("from", id(moqtail), "reason", "x")), 404);
        problem(
                post(
                        moqtail,
                        "/split",
                        Map.of(
                                "vulnerabilities",
                                List.of(moqtail.content().cveId()),
                                "title",
                                "x")),
                404);
    }

    @Test
    @TestSecurity(user = "tess", roles = "triager")
    void triagersCannotSplitOrMerge() {
        AdvisoryDetails draft = fixtures.complete(MOQTAIL);

        problem(post(draft, "/merge", Map.of("from", id(draft), "reason", "x")), 403);
    }

    private static String id(AdvisoryDetails advisory) {
        return advisory.advisory().id.toString();
    }

    private static ValidatableResponse post(
            AdvisoryDetails advisory, String action, Map<String, ?> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(ADVISORIES + advisory.advisory().id + action)
                .then();
    }

    private static void problem(ValidatableResponse response, int status) {
        response.statusCode(status).contentType("application/problem+json");
    }

    private static String audit(AdvisoryDetails advisory, String action) {
        return given().when()
                .get(ADVISORIES + advisory.advisory().id + "/audit")
                .then()
                .extract()
                .path("find { it.action == '" + action + "' }.detail");
    }

    private static String lastRevision(JsonNode csaf) {
        JsonNode history = csaf.at("/document/tracking/revision_history");
        return history.get(history.size() - 1).path("summary").asText();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> found = new ArrayList<>();
        array.forEach(item -> found.add(item.path(field).asText()));
        return found;
    }

    private static JsonNode json(String path) throws Exception {
        return JSON.readTree(given().when().get(path).then().statusCode(200).extract().asString());
    }
}
