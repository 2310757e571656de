package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.e2e.support.AdvisoryDrafts;
import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Partners;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import dev.embargo.e2e.support.WebhookReceivers;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An advisory with two packaged products, both CVSS versions, remediations per product and VEX
 * statements, told to a partner who states its own products' status through its link, published (by
 * an early break, not to wait for a lift): every format carries what scanners and databases read,
 * the VEX documents (CSAF and CycloneDX) the team's statements and the partner's.
 */
@ExtendWith(EmbargoStack.class)
class AdvisoryContentFormatsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ANSWER_LINK =
            Pattern.compile("/partner/v1/preadvisories/([A-Za-z0-9_-]{43})");

    private final WebhookReceivers receivers = new WebhookReceivers();

    @AfterEach
    void stopReceivers() {
        receivers.close();
    }

    private static final String V31 = AdvisoryDrafts.CVSS_V31;
    private static final String V40 = AdvisoryDrafts.CVSS_V40;

    @Test
    void twoPackagesBothCvssVersionsAndTheTeamsAndAPartnersVexStatementsArePublished(
            RunningStack stack) throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String partnerName = "Acme Routers " + unique;
        Partners partners = new Partners(stack);
        String partner =
                partners.register(partnerName, List.of("downstream-brokers"), List.of("moqtail"));
        partners.addEndpoint(partner, receivers.url("/acme"));
        String cve = "CVE-1900-" + (10000 + (int) (Math.random() * 89999));
        SubmittedReport report =
                stack.reporter()
                        .submit(
                                "moqtail",
                                "Selector bypass " + unique,
                                "A wildcard after a negation reads topics beyond the role.",
                                "formats-" + unique + "@example.org",
                                "Ada Lovelace " + unique);
        String advisoryId = AdvisoryDrafts.draftedFromAcceptedCase(stack, report);
        String advisory = stack.serviceUrl("advisory") + "/api/v1/advisories/" + advisoryId;

        given().auth()
                .oauth2(stack.staffTokens().of("publisher"))
                .contentType(ContentType.JSON)
                .body(
                        AdvisoryDrafts.twoProducts(
                                "Selector bypass exposes topics beyond the subscriber's role", cve))
                .when()
                .put(advisory)
                .then()
                .statusCode(200)
                .body("content.affected[1].packageName", equalTo("github.com/example/moqtail-go"))
                .body("content.cvssV4Score", equalTo(7.1f));
        String coordinator = stack.staffTokens().of("coordinator");
        given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(Map.of("liftAt", Instant.now().plus(Duration.ofDays(2)).toString()))
                .when()
                .put(advisory + "/embargo")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(Map.of("partnerGroups", List.of("downstream-brokers")))
                .when()
                .post(advisory + "/pre-advisories")
                .then()
                .statusCode(201);
        String link = answerLink(stack);
        answer(
                link,
                Map.of(
                        "product",
                        "acme-router",
                        "status",
                        "not_affected",
                        "justification",
                        "vulnerable_code_not_in_execute_path"));
        answer(link, Map.of("product", "acme-switch", "status", "fixed", "fixedVersion", "7.2"));
        // Staff see the partner's statements before publication.
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                given().auth()
                                        .oauth2(coordinator)
                                        .when()
                                        .get(advisory)
                                        .then()
                                        .body(
                                                "partnerStatements.product",
                                                equalTo(List.of("acme-router", "acme-switch"))));
        String publicId =
                given().auth()
                        .oauth2(stack.staffTokens().of("coordinator"))
                        .contentType(ContentType.JSON)
                        .body(Map.of("reason", "Exploited in the wild"))
                        .when()
                        .post(advisory + "/early-break")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("publicId");
        String page = stack.serviceUrl("advisory") + "/advisories/" + publicId;
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().when().get(page).then().statusCode(200));

        JsonNode csaf = read(page + "/csaf.json");
        assertThat(csaf.at("/product_tree").findValuesAsText("purl"))
                .contains("pkg:cargo/moqtail", "pkg:golang/github.com/example/moqtail-go");
        JsonNode vulnerability = csaf.at("/vulnerabilities/0");
        assertThat(vulnerability.at("/scores/0/cvss_v3/vectorString").asText()).isEqualTo(V31);
        assertThat(vulnerability.at("/notes").toString()).contains(V40);
        assertThat(vulnerability.at("/product_status/first_fixed")).hasSize(2);
        assertThat(vulnerability.at("/remediations").findValuesAsText("url"))
                .contains("https://github.com/example/moqtail/releases/tag/v0.1.4");
        assertThat(csaf.at("/document/tracking/aliases/0").asText()).isEqualTo(cve);

        String index = get(stack.serviceUrl("advisory") + "/.well-known/csaf/white/index.txt");
        String vexPath =
                index.lines()
                        .filter(line -> line.endsWith(publicId.toLowerCase() + "-vex.json"))
                        .findFirst()
                        .orElseThrow();
        JsonNode vex = read(stack.serviceUrl("advisory") + "/.well-known/csaf/white/" + vexPath);
        assertThat(vex.at("/document/category").asText()).isEqualTo("csaf_vex");
        // The team's two statements and the partner's two, the partner as its products' vendor.
        assertThat(vex.at("/vulnerabilities/0/product_status/known_not_affected")).hasSize(2);
        assertThat(vex.at("/vulnerabilities/0/product_status/fixed")).hasSize(2);
        assertThat(vex.at("/vulnerabilities/0/flags").findValuesAsText("label"))
                .containsExactly(
                        "vulnerable_code_not_present", "vulnerable_code_not_in_execute_path");
        assertThat(vex.at("/product_tree/branches/1/name").asText()).isEqualTo(partnerName);
        assertThat(vex.at("/product_tree/branches/1").findValuesAsText("name"))
                .contains("acme-router", "acme-switch", "7.2");
        assertThat(
                        get(
                                stack.serviceUrl("advisory")
                                        + "/.well-known/csaf/white/"
                                        + vexPath
                                        + ".asc"))
                .contains("BEGIN PGP SIGNATURE");

        JsonNode cycloneDx = read(page + "/vex.cdx.json");
        assertThat(cycloneDx.get("specVersion").asText()).isEqualTo("1.6");
        assertThat(analysisOf(cycloneDx, "pkg:cargo/moqtail@0.0.9"))
                .isEqualTo(Map.of("state", "not_affected", "justification", "code_not_present"));
        assertThat(analysisOf(cycloneDx, "pkg:cargo/moqtail@0.1.4"))
                .isEqualTo(Map.of("state", "resolved"));
        assertThat(analysisOf(cycloneDx, partnerName + "/acme-router"))
                .isEqualTo(Map.of("state", "not_affected", "justification", "code_not_reachable"));
        assertThat(analysisOf(cycloneDx, partnerName + "/acme-switch@7.2"))
                .isEqualTo(Map.of("state", "resolved"));
        assertThat(get(page + "/vex.cdx.json.asc")).contains("BEGIN PGP SIGNATURE");

        JsonNode osv = read(page + "/osv.json");
        assertThat(osv.at("/affected/0/package/purl").asText()).isEqualTo("pkg:cargo/moqtail");
        assertThat(osv.at("/affected/1/ranges/0/type").asText()).isEqualTo("SEMVER");
        assertThat(osv.at("/severity").findValuesAsText("type"))
                .containsExactly("CVSS_V3", "CVSS_V4");
        assertThat(osv.at("/references").findValuesAsText("type")).contains("FIX");

        JsonNode record = read(page + "/cve.json");
        JsonNode cna = record.at("/containers/cna");
        assertThat(cna.at("/affected/0/collectionURL").asText()).isEqualTo("https://crates.io");
        assertThat(cna.at("/affected/1/versions/0/versionType").asText()).isEqualTo("semver");
        assertThat(cna.at("/metrics/1/cvssV4_0/vectorString").asText()).isEqualTo(V40);
        assertThat(cna.at("/references/1/tags/0").asText()).isEqualTo("patch");
        assertThat(cna.at("/x_generator/engine").asText()).startsWith("Embargo");
    }

    /** The partner's answer link, from the pre-advisory its endpoint received. */
    private String answerLink(RunningStack stack) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !receivers.at("/acme").isEmpty());
        Matcher token = ANSWER_LINK.matcher(receivers.at("/acme").getFirst().body());
        assertThat(token.find()).as("answer link in the partner's copy").isTrue();
        return stack.serviceUrl("notify") + "/partner/v1/preadvisories/" + token.group(1);
    }

    private static void answer(String link, Map<String, String> statement) {
        given().contentType(ContentType.JSON)
                .body(statement)
                .when()
                .post(link + "/statements")
                .then()
                .statusCode(200);
    }

    /** The state and justification stated of the CycloneDX component {@code ref}. */
    private static Map<String, String> analysisOf(JsonNode bom, String ref) {
        for (JsonNode vulnerability : bom.get("vulnerabilities")) {
            if (vulnerability.at("/affects/0/ref").asText().equals(ref)) {
                Map<String, String> analysis = new HashMap<>();
                analysis.put("state", vulnerability.at("/analysis/state").asText());
                JsonNode justification = vulnerability.at("/analysis/justification");
                if (!justification.isMissingNode()) {
                    analysis.put("justification", justification.asText());
                }
                return analysis;
            }
        }
        throw new AssertionError("No statement about " + ref);
    }

    private static JsonNode read(String url) throws Exception {
        return JSON.readTree(get(url));
    }

    private static String get(String url) {
        return given().when().get(url).then().statusCode(200).extract().asString();
    }
}
