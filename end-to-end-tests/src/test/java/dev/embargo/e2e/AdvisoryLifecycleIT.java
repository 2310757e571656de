package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.e2e.support.AdvisoryDrafts;
import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.OfficialFormats;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import dev.embargo.e2e.support.WebhookReceivers;
import dev.embargo.e2e.support.WebhookReceivers.Received;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An advisory's life after publication on the real stack, every format checked by its standard's
 * own validator at every step: an advisory of two packaged products, both CVSS versions and a
 * remediation per product is published, corrected by a revision and withdrawn, and its CVE record
 * is rejected with a reason; a second advisory supersedes a third; one is merged into another and
 * split out again. A partner following the program and a subscription to its advisory events are
 * each told of every change exactly once.
 */
@ExtendWith(EmbargoStack.class)
class AdvisoryLifecycleIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunningStack stack;
    private WebhookReceivers receivers;
    private OfficialFormats formats;
    private String publisher;
    private String coordinator;
    private final String unique = UUID.randomUUID().toString().substring(0, 8);

    /** Every CSAF document the journey fetched, by a name for the validator's report. */
    private final Map<String, JsonNode> csafDocuments = new LinkedHashMap<>();

    @BeforeEach
    void staffAndReceivers(RunningStack runningStack) {
        stack = runningStack;
        receivers = new WebhookReceivers();
        formats = new OfficialFormats(stack);
        publisher = stack.staffTokens().of("publisher");
        coordinator = stack.staffTokens().of("coordinator");
    }

    @AfterEach
    void stopReceivers() {
        receivers.close();
    }

    @Test
    void publishedCorrectedWithdrawnRejectedAndSupersededAdvisoriesStayValidAndAreToldOnce() {
        String contact = "psirt-changes-" + unique + "@partner.example";
        partnerEndpoint(partner(contact), "/partner");
        subscribe("/subscriber");

        // Published: two packaged products, both CVSS versions, a remediation per product.
        String cve = "CVE-1900-" + (10000 + (int) (Math.random() * 89999));
        String advisoryId = accepted("Lifecycle " + unique);
        Map<String, Object> content = AdvisoryDrafts.twoProducts("Selector bypass " + unique, cve);
        edit(advisoryId, content).statusCode(200);
        post(coordinator, advisoryId, "/early-break", Map.of("reason", "Exploited"))
                .statusCode(200)
                .body("state", equalTo("published"));
        String publicId = publicIdOf(advisoryId);
        JsonNode csaf = csaf(publicId, "published");
        assertThat(csaf.at("/product_tree").findValuesAsText("purl"))
                .contains("pkg:cargo/moqtail", "pkg:golang/github.com/example/moqtail-go");
        assertThat(csaf.at("/vulnerabilities/0/remediations").findValuesAsText("category"))
                .contains("vendor_fix", "workaround");
        vex(publicId, "published");
        assertThat(osv(publicId).at("/severity").findValuesAsText("type"))
                .containsExactly("CVSS_V3", "CVSS_V4");
        JsonNode record = cveRecord(publicId);
        assertThat(record.at("/cveMetadata/state").asText()).isEqualTo("PUBLISHED");
        assertThat(record.at("/containers/cna/metrics").findValuesAsText("vectorString"))
                .contains(AdvisoryDrafts.CVSS_V31, AdvisoryDrafts.CVSS_V40);

        // Corrected: the edit of a published advisory is published at once as its next version.
        content.put(
                "remediations",
                List.of(
                        Map.of(
                                "category", "vendor_fix",
                                "details", "Upgrade moqtail-broker to 0.1.4.",
                                "products", List.of("moqtail-broker")),
                        Map.of(
                                "category", "vendor_fix",
                                "details", "Upgrade moqtail-go to v0.2.3.",
                                "products", List.of("moqtail-go"))));
        content.put("changeSummary", "Corrected the remediations " + unique);
        edit(advisoryId, content).statusCode(200);
        JsonNode corrected = csaf(publicId, "corrected");
        assertThat(corrected.at("/document/tracking/version").asText()).isEqualTo("2");
        assertThat(corrected.at("/document/tracking/revision_history/1/summary").asText())
                .isEqualTo("Corrected the remediations " + unique);
        assertThat(corrected.at("/vulnerabilities/0/remediations").findValuesAsText("details"))
                .contains("Upgrade moqtail-broker to 0.1.4.", "Upgrade moqtail-go to v0.2.3.");
        JsonNode correctedOsv = osv(publicId);
        assertThat(correctedOsv.path("modified").asText())
                .isNotEqualTo(correctedOsv.path("published").asText());
        assertThat(cveRecord(publicId).at("/containers/cna/timeline").findValuesAsText("value"))
                .contains("Corrected the remediations " + unique);

        // Withdrawn: CSAF adds a revision and its reasoning, OSV sets withdrawn; the page stays.
        String reason = "Published in error: not reproducible " + unique;
        post(publisher, advisoryId, "/withdraw", Map.of("reason", reason))
                .statusCode(200)
                .body("retraction.kind", equalTo("WITHDRAWN"));
        JsonNode withdrawn = csaf(publicId, "withdrawn");
        assertThat(withdrawn.at("/document/tracking/status").asText()).isEqualTo("final");
        assertThat(withdrawn.at("/document/notes").findValuesAsText("title"))
                .contains("Reasoning for Withdrawal");
        assertThat(withdrawn.at("/document/tracking/revision_history/2/summary").asText())
                .isEqualTo("Withdrawn: " + reason);
        assertThat(osv(publicId).path("withdrawn").asText()).isNotBlank();
        assertThat(publicText("/advisories/" + publicId)).contains("Withdrawn", reason);
        assertThat(publicText("/programs/moqtail/advisories.atom"))
                .contains(publicId + ": [Withdrawn] ");
        assertThat(publicText("/.well-known/csaf/white/feed-tlp-white.json"))
                .contains("[Withdrawn] ");

        // Its CVE record is rejected with a reason: the REJECTED record, as CVE Services files it.
        String rejection = "Not a vulnerability " + unique;
        post(coordinator, advisoryId, "/cve-record/reject", Map.of("reason", rejection))
                .statusCode(200);
        JsonNode rejected = cveRecord(publicId);
        assertThat(rejected.at("/cveMetadata/state").asText()).isEqualTo("REJECTED");
        assertThat(rejected.at("/containers/cna/rejectedReasons/0/value").asText())
                .isEqualTo(rejection);
        given().auth()
                .oauth2(coordinator)
                .when()
                .get(advisories() + "/" + advisoryId + "/cve-submissions")
                .then()
                .statusCode(200)
                .body("find { it.recordState == 'REJECTED' }.cveId", equalTo(cve));

        // A second advisory supersedes a third.
        String successor = published("Successor " + unique);
        String replaced = published("Replaced " + unique);
        String successorPublicId = publicIdOf(successor);
        String replacedPublicId = publicIdOf(replaced);
        post(
                        coordinator,
                        replaced,
                        "/supersede",
                        Map.of("successor", successorPublicId, "reason", "Merged " + unique))
                .statusCode(200)
                .body("retraction.successorId", equalTo(successorPublicId));
        assertThat(csaf(replacedPublicId, "superseded").at("/document/references"))
                .anySatisfy(
                        reference ->
                                assertThat(reference.path("summary").asText())
                                        .isEqualTo("Superseding Document: " + successorPublicId));
        assertThat(osv(replacedPublicId).path("related").get(0).asText())
                .isEqualTo("x_" + successorPublicId);
        assertThat(publicText("/advisories/" + replacedPublicId))
                .contains("Superseded by " + successorPublicId);
        csaf(successorPublicId, "successor");

        // BSI's validator accepts every CSAF document of every step.
        OfficialFormats.Verdict verdict = formats.csafVerdict(csafDocuments);
        assertThat(verdict.passed()).as(verdict.output()).isTrue();

        // Told once per change: partners of the changes to published advisories, the
        // subscription of every publication (the correction is version 2) and change.
        Set<String> toPartner =
                Set.of(
                        "advisory.withdrawn " + advisoryId,
                        "cve.record.rejected " + advisoryId,
                        "advisory.superseded " + replaced);
        Set<String> toSubscriber =
                Set.of(
                        "advisory.published " + advisoryId + " 1",
                        "advisory.published " + advisoryId + " 2",
                        "advisory.withdrawn " + advisoryId,
                        "cve.record.rejected " + advisoryId,
                        "advisory.published " + successor + " 1",
                        "advisory.published " + replaced + " 1",
                        "advisory.superseded " + replaced);
        Set<String> ours = Set.of(advisoryId, successor, replaced);
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                Set.copyOf(told("/partner", ours)).containsAll(toPartner)
                                        && Set.copyOf(told("/subscriber", ours))
                                                .containsAll(toSubscriber));
        assertThat(told("/partner", ours)).containsExactlyInAnyOrderElementsOf(toPartner);
        assertThat(told("/subscriber", ours)).containsExactlyInAnyOrderElementsOf(toSubscriber);
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                stack.mailbox().subjects(contact).stream()
                                        .anyMatch(subject -> subject.contains("withdrawn")));
        assertThat(stack.mailbox().subjects(contact))
                .filteredOn(subject -> subject.contains("withdrawn"))
                .containsExactly("[" + publicId + "] Published advisory changed: withdrawn");
    }

    @Test
    void aPublishedAdvisoryMergedIntoAnotherAndSplitOutAgainKeepsItsCveIdInOneAdvisory() {
        String kept = published("Kept " + unique, testCveId());
        String merged = published("Merged " + unique, testCveId());
        String keptPublicId = publicIdOf(kept);
        String mergedCve =
                publicJson("/advisories/" + publicIdOf(merged) + "/csaf.json")
                        .at("/vulnerabilities/0/cve")
                        .asText();

        post(coordinator, kept, "/merge", Map.of("from", merged, "reason", "One root cause"))
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
        JsonNode source = csaf(keptPublicId, "split source");
        assertThat(source.at("/vulnerabilities").findValuesAsText("cve")).doesNotContain(mergedCve);
        assertThat(source.at("/document/tracking/revision_history").findValuesAsText("summary"))
                .contains("Split: " + mergedCve + " moved to " + created + ".");
        assertThat(cveRecord(created).at("/cveMetadata/cveId").asText()).isEqualTo(mergedCve);
        csaf(created, "split out");
        OfficialFormats.Verdict verdict = formats.csafVerdict(csafDocuments);
        assertThat(verdict.passed()).as(verdict.output()).isTrue();
    }

    private static String testCveId() {
        return "CVE-1900-" + (10000 + (int) (Math.random() * 89999));
    }

    /** A report's case accepted and its advisory drafted; the advisory's id. */
    private String accepted(String title) {
        SubmittedReport report =
                stack.reporter()
                        .submit(
                                "moqtail",
                                "Report of " + title,
                                "A wildcard after a negation reads topics beyond the role.",
                                "lifecycle-" + UUID.randomUUID() + "@example.org",
                                "Ada Lovelace");
        return AdvisoryDrafts.draftedFromAcceptedCase(stack, report);
    }

    /** An advisory without a CVE id, complete and published by an early break; its id. */
    private String published(String title) {
        return published(title, null);
    }

    /** An advisory with {@code cveId} (null for none), published by an early break; its id. */
    private String published(String title, String cveId) {
        String advisoryId = accepted(title);
        AdvisoryDrafts.revise(stack, advisoryId, title, cveId, "Complete").then().statusCode(200);
        post(coordinator, advisoryId, "/early-break", Map.of("reason", "Exploited"))
                .statusCode(200)
                .body("state", equalTo("published"));
        return advisoryId;
    }

    /**
     * What a receiver was told of these advisories (the stack may publish others), one entry per
     * delivery: the type and advisory, and for a publication its revision. A repeated delivery or
     * event shows as a repeated entry.
     */
    private List<String> told(String path, Set<String> advisoryIds) {
        return receivers.at(path).stream()
                .map(AdvisoryLifecycleIT::body)
                .filter(body -> advisoryIds.contains(body.at("/data/advisoryId").asText()))
                .map(
                        body ->
                                body.path("type").asText()
                                        + " "
                                        + body.at("/data/advisoryId").asText()
                                        + (body.path("type").asText().equals("advisory.published")
                                                ? " " + body.at("/data/revision").asText()
                                                : ""))
                .toList();
    }

    private static JsonNode body(Received received) {
        try {
            return JSON.readTree(received.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The advisory's CSAF document, kept for BSI's validator under the step's name. */
    private JsonNode csaf(String publicId, String step) {
        JsonNode document = publicJson("/advisories/" + publicId + "/csaf.json");
        csafDocuments.put(publicId + "-" + step, document);
        return document;
    }

    /** The advisory's CSAF VEX document, found through the provider's index, kept likewise. */
    private void vex(String publicId, String step) {
        String vexPath =
                publicText("/.well-known/csaf/white/index.txt")
                        .lines()
                        .filter(line -> line.endsWith(publicId.toLowerCase() + "-vex.json"))
                        .findFirst()
                        .orElseThrow();
        JsonNode vex = publicJson("/.well-known/csaf/white/" + vexPath);
        assertThat(vex.at("/document/category").asText()).isEqualTo("csaf_vex");
        csafDocuments.put(publicId + "-vex-" + step, vex);
    }

    /** The advisory's OSV record, valid against the OSV schema. */
    private JsonNode osv(String publicId) {
        JsonNode record = publicJson("/advisories/" + publicId + "/osv.json");
        assertThat(formats.osvViolations(record)).as("OSV schema").isEmpty();
        return record;
    }

    /** The advisory's CVE record, valid against the official CVE Record Format schema. */
    private JsonNode cveRecord(String publicId) {
        JsonNode record = publicJson("/advisories/" + publicId + "/cve.json");
        assertThat(formats.cveViolations(record)).as("CVE Record Format").isEmpty();
        return record;
    }

    private ValidatableResponse edit(String advisoryId, Map<String, Object> content) {
        return given().auth()
                .oauth2(publisher)
                .contentType(ContentType.JSON)
                .body(content)
                .when()
                .put(advisories() + "/" + advisoryId)
                .then();
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

    private void partnerEndpoint(String partnerId, String path) {
        given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(Map.of("url", receivers.url(path)))
                .when()
                .post(stack.serviceUrl("notify") + "/api/v1/partners/" + partnerId + "/endpoints")
                .then()
                .statusCode(201);
    }

    private void subscribe(String path) {
        given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "url",
                                receivers.url(path),
                                "eventTypes",
                                List.of(
                                        "advisory.published",
                                        "advisory.withdrawn",
                                        "advisory.superseded",
                                        "cve.record.rejected"),
                                "programs",
                                List.of("moqtail")))
                .when()
                .post(stack.serviceUrl("notify") + "/api/v1/subscriptions")
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

    private JsonNode publicJson(String path) {
        try {
            return JSON.readTree(publicText(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String advisories() {
        return stack.serviceUrl("advisory") + "/api/v1/advisories";
    }
}
