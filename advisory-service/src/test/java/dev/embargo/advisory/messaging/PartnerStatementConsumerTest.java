package dev.embargo.advisory.messaging;

import static dev.embargo.advisory.AdvisoryFixtures.MOQTAIL;
import static dev.embargo.advisory.AdvisoryTestInfrastructure.notifyService;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.advisory.AdvisoryFixtures;
import dev.embargo.advisory.domain.AdvisoryContent.ProductStatus;
import dev.embargo.advisory.format.OfficialSchemas;
import dev.embargo.advisory.service.AdvisoryDetails;
import dev.embargo.contracts.EventType;
import dev.embargo.contracts.Topics;
import dev.embargo.contracts.partner.PartnerStatementMade;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;

/**
 * Partners' statements about their products (notify's {@code partner.statement.made}) reach the
 * advisory once in effect, are shown to staff while the advisory is embargoed, stay off every
 * public URL until the lift and are then published in its VEX documents (CSAF and CycloneDX) beside
 * the team's statements, which win for a product both speak of.
 */
@QuarkusTest
@TestSecurity(user = "ada", roles = "admin")
class PartnerStatementConsumerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADVISORIES = "/api/v1/advisories/";
    private static final String PARTNER = "Acme Routers";

    @Inject AdvisoryFixtures fixtures;

    @Inject MeterRegistry metrics;

    @Test
    void aPartnersStatementsAreShownToStaffBeforeTheLiftAndPublishedInTheVexAtIt()
            throws Exception {
        Told told = toldPartners();
        String partnerId = UUID.randomUUID().toString();
        String routerFixed =
                notifyService()
                        .publish(statement(told, partnerId, "acme-router", "fixed", null, "7.2"));
        notifyService()
                .publish(
                        statement(
                                told,
                                partnerId,
                                "acme-switch",
                                "not_affected",
                                "vulnerable_code_not_in_execute_path",
                                null));
        // The team states moqtail-broker's status: the partner's word on it is not published.
        notifyService()
                .publish(statement(told, partnerId, "Moqtail-Broker ", "affected", null, null));
        // A readiness report says nothing of products.
        notifyService()
                .publish(
                        new PartnerStatementMade(
                                told.preAdvisoryId(),
                                MOQTAIL,
                                partnerId,
                                PARTNER,
                                null,
                                null,
                                null,
                                null,
                                "ready",
                                Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> staffView(told).getList("partnerStatements").size() == 3);
        // Redelivered, as after a rebalance: still one statement for the router.
        double duplicatesBefore = duplicates();
        notifyService()
                .publish(
                        statement(told, partnerId, "acme-router", "fixed", null, "7.2"),
                        routerFixed);
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() > duplicatesBefore);

        assertThat(staffView(told).getList("partnerStatements.product"))
                .containsExactly("Moqtail-Broker ", "acme-router", "acme-switch");
        assertThat(
                        fixtures.text(
                                "select sealed_statements from partner_statement_set where"
                                        + " pre_advisory_id = ?::uuid",
                                told.preAdvisoryId()))
                .doesNotContain("acme-router", PARTNER);
        JsonNode preview =
                JSON.readTree(
                        given().when()
                                .get(ADVISORIES + told.advisory().advisory().id + "/preview/vex")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString());
        assertPartnersStatedBesideTheTeam(preview);
        String vexPath =
                "/.well-known/csaf/white/"
                        + preview.at("/document/tracking/initial_release_date")
                                .asText()
                                .substring(0, 4)
                        + "/"
                        + told.advisory().advisory().publicId.toLowerCase()
                        + "-vex.json";
        String cycloneDxPath =
                "/advisories/" + told.advisory().advisory().publicId + "/vex.cdx.json";
        assertThat(
                        given().when()
                                .get(ADVISORIES + told.advisory().advisory().id + "/preview/cdx")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString())
                .contains("Acme Routers/acme-switch");
        for (String path : List.of(vexPath, cycloneDxPath, cycloneDxPath + ".asc")) {
            given().when().get(path).then().statusCode(404);
        }
        assertThat(given().when().get("/.well-known/csaf/white/index.txt").asString())
                .doesNotContain(told.advisory().advisory().publicId.toLowerCase());

        fixtures.liftTimePassed(told.advisory());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().when().get(vexPath).then().statusCode(200));

        JsonNode published = JSON.readTree(given().when().get(vexPath).asString());
        assertThat(OfficialSchemas.violations(OfficialSchemas.CSAF, published)).isEmpty();
        assertPartnersStatedBesideTheTeam(published);
        String cycloneDx =
                given().when()
                        .get(cycloneDxPath)
                        .then()
                        .statusCode(200)
                        .header("Content-Type", startsWith("application/vnd.cyclonedx+json"))
                        .extract()
                        .asString();
        assertThat(
                        new JsonParser()
                                .validate(
                                        cycloneDx.getBytes(StandardCharsets.UTF_8),
                                        Version.VERSION_16))
                .isEmpty();
        JsonNode bom = JSON.readTree(cycloneDx);
        assertThat(bom.get("components").findValuesAsText("bom-ref"))
                .contains("pkg:cargo/moqtail@0.1.3", "Acme Routers/acme-switch")
                .noneMatch(ref -> ref.startsWith("Acme Routers/Moqtail"));
        assertThat(given().when().get(cycloneDxPath + ".asc").asString())
                .startsWith("-----BEGIN PGP SIGNATURE-----");
        assertThat(given().when().get(cycloneDxPath + ".sha256").asString())
                .isEqualTo(sha256(cycloneDx) + "  vex.cdx.json\n");
        assertThat(given().when().get("/programs/moqtail/advisories.atom").asString())
                .contains(cycloneDxPath);
        assertThat(given().when().get("/.well-known/csaf/white/index.txt").asString())
                .doesNotContain("cdx");

        // A withdrawal is the CycloneDX document's next version, each statement rejected.
        given().contentType(ContentType.JSON)
                .body(Map.of("reason", "Published in error."))
                .when()
                .post(ADVISORIES + told.advisory().advisory().id + "/withdraw")
                .then()
                .statusCode(200);
        JsonNode withdrawn = JSON.readTree(given().when().get(cycloneDxPath).asString());
        assertThat(withdrawn.get("version").asInt()).isEqualTo(bom.get("version").asInt() + 1);
        assertThat(withdrawn.get("serialNumber")).isEqualTo(bom.get("serialNumber"));
        assertThat(withdrawn.get("vulnerabilities"))
                .allSatisfy(vulnerability -> assertThat(vulnerability.has("rejected")).isTrue());
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(
                        MessageDigest.getInstance("SHA-256")
                                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aNotAffectedStatementWithoutAJustificationGoesToTheDeadLetterTopic() {
        Told told = toldPartners();
        String partnerId = UUID.randomUUID().toString();
        // Within the event's schema, but no VEX document could publish it.
        notifyService().publish(statement(told, partnerId, "acme-hub", "not_affected", null, null));

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () ->
                                assertThat(
                                                notifyService()
                                                        .readAll(
                                                                Topics.ADVISORY_LIFECYCLE
                                                                        .deadLetter()
                                                                        .name()))
                                        .anySatisfy(
                                                record ->
                                                        assertThat(record.value())
                                                                .contains(partnerId)));
        assertThat(staffView(told).getList("partnerStatements")).isEmpty();
    }

    /** The team's product statuses and the partner's, in a VEX document. */
    private static void assertPartnersStatedBesideTheTeam(JsonNode vex) {
        JsonNode vendors = vex.at("/product_tree/branches");
        assertThat(vendors.findValuesAsText("name")).contains(PARTNER, "acme-router", "7.2");
        JsonNode partner =
                StreamSupport.stream(vendors.spliterator(), false)
                        .filter(vendor -> vendor.get("name").asText().equals(PARTNER))
                        .findFirst()
                        .orElseThrow();
        assertThat(partner.get("branches").findValuesAsText("name"))
                .contains("acme-router", "7.2", "acme-switch")
                .allSatisfy(name -> assertThat(name).doesNotContainIgnoringCase("moqtail-broker"));
        String router = partner.at("/branches/0/branches/0/product/product_id").asText();
        String switchId = partner.at("/branches/1/product/product_id").asText();
        JsonNode vulnerability = vex.at("/vulnerabilities/0");
        assertThat(texts(vulnerability.at("/product_status/fixed"))).contains(router);
        assertThat(texts(vulnerability.at("/product_status/known_not_affected")))
                .contains(switchId);
        assertThat(vulnerability.get("flags"))
                .anySatisfy(
                        flag -> {
                            assertThat(flag.get("label").asText())
                                    .isEqualTo("vulnerable_code_not_in_execute_path");
                            assertThat(texts(flag.get("product_ids"))).containsExactly(switchId);
                        });
        // The team's own statements are still there.
        assertThat(texts(vulnerability.at("/product_status/known_affected"))).hasSize(1);
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** A complete advisory with the team's statements whose pre-advisory partners hold. */
    private Told toldPartners() {
        AdvisoryDetails complete =
                fixtures.complete(
                        MOQTAIL,
                        List.of(
                                new ProductStatus(
                                        "moqtail-broker", "0.1.3", "known_affected", null, null),
                                new ProductStatus("moqtail-broker", "0.1.4", "fixed", null, null)));
        String advisory = ADVISORIES + complete.advisory().id;
        given().contentType(ContentType.JSON)
                .body(Map.of("liftAt", Instant.now().plus(Duration.ofDays(3)).toString()))
                .when()
                .put(advisory + "/embargo")
                .then()
                .statusCode(200);
        String preAdvisoryId =
                given().contentType(ContentType.JSON)
                        .body(Map.of("partnerGroups", List.of("downstream-brokers")))
                        .when()
                        .post(advisory + "/pre-advisories")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        return new Told(complete, preAdvisoryId);
    }

    private static PartnerStatementMade statement(
            Told told,
            String partnerId,
            String product,
            String status,
            String justification,
            String fixedVersion) {
        return new PartnerStatementMade(
                told.preAdvisoryId(),
                MOQTAIL,
                partnerId,
                PARTNER,
                product,
                status,
                justification,
                fixedVersion,
                null,
                Instant.now());
    }

    private static JsonPath staffView(Told told) {
        return given().when()
                .get(ADVISORIES + told.advisory().advisory().id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private double duplicates() {
        return metrics.counter(
                        "embargo.inbox.events",
                        "consumer",
                        "advisory.partner-statements",
                        "type",
                        EventType.PARTNER_STATEMENT_MADE.typeName(),
                        "outcome",
                        "duplicate")
                .count();
    }

    private record Told(AdvisoryDetails advisory, String preAdvisoryId) {}
}
