package dev.embargo.advisory.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.advisory.domain.PartnerStatement;
import dev.embargo.advisory.domain.PublishedAdvisory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;

/**
 * The CycloneDX VEX document passes CycloneDX's own 1.6 schema validation and states each product's
 * analysis as the CSAF VEX document states its status.
 */
class CycloneDxVexDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant STATED = Instant.parse("2026-11-20T08:00:00Z");
    private static final PartnerStatement SWITCH_NOT_AFFECTED =
            new PartnerStatement(
                    "Acme Routers",
                    "acme-switch",
                    "known_not_affected",
                    "vulnerable_code_not_in_execute_path",
                    null,
                    STATED);
    private static final PartnerStatement ROUTER_FIXED =
            new PartnerStatement("Acme Routers", "acme-router", "fixed", null, "7.2", STATED);

    private final CycloneDxVexDocument cycloneDx =
            new CycloneDxVexDocument(
                    new PublicLinks("https://advisories.example"),
                    new CsafPublisher(
                            "Example PSIRT", "https://example.org", "vendor", "psirt@example.org"));

    @Test
    void theDocumentIsValidCycloneDx16VexStatingTheTeamsAndPartnersProducts() throws Exception {
        String document =
                cycloneDx
                        .render(
                                SampleAdvisories.withPartnerStatements(
                                        SampleAdvisories.complete(),
                                        null,
                                        ROUTER_FIXED,
                                        SWITCH_NOT_AFFECTED))
                        .orElseThrow();

        assertThat(
                        new JsonParser()
                                .validate(
                                        document.getBytes(StandardCharsets.UTF_8),
                                        Version.VERSION_16))
                .isEmpty();
        JsonNode bom = JSON.readTree(document);
        assertThat(bom.get("specVersion").asText()).isEqualTo("1.6");
        assertThat(bom.get("version").asInt()).isEqualTo(2);
        assertThat(bom.get("components").findValuesAsText("bom-ref"))
                .contains("pkg:cargo/moqtail@0.0.9", "Acme Routers/acme-switch");
        JsonNode notAffected = analysisOf(bom, "pkg:cargo/moqtail@0.0.9");
        assertThat(notAffected.get("state").asText()).isEqualTo("not_affected");
        assertThat(notAffected.get("justification").asText()).isEqualTo("code_not_present");
        assertThat(notAffected.get("detail").asText()).isEqualTo("Selectors arrived in 0.1.0.");
        assertThat(analysisOf(bom, "pkg:cargo/moqtail@0.1.4").get("state").asText())
                .isEqualTo("resolved");
        JsonNode affected = analysisOf(bom, "pkg:cargo/moqtail@0.1.3");
        assertThat(affected.get("state").asText()).isEqualTo("exploitable");
        assertThat(texts(affected.get("response")))
                .containsExactly("update", "workaround_available");
        JsonNode partnerSwitch = analysisOf(bom, "Acme Routers/acme-switch");
        assertThat(partnerSwitch.get("state").asText()).isEqualTo("not_affected");
        assertThat(partnerSwitch.get("justification").asText()).isEqualTo("code_not_reachable");
        assertThat(partnerSwitch.get("detail").asText()).isEqualTo("Stated by Acme Routers.");
        assertThat(analysisOf(bom, "Acme Routers/acme-router@7.2").get("state").asText())
                .isEqualTo("resolved");
        assertThat(bom.at("/vulnerabilities/0/id").asText()).isEqualTo("CVE-1900-12345");
        assertThat(bom.at("/vulnerabilities/0").has("rejected")).isFalse();
    }

    @Test
    void aWithdrawnAdvisorysDocumentSaysSoInEveryStatement() throws Exception {
        PublishedAdvisory withdrawn =
                SampleAdvisories.withPartnerStatements(
                        SampleAdvisories.complete(), "Published in error.", ROUTER_FIXED);

        JsonNode bom = JSON.readTree(cycloneDx.render(withdrawn).orElseThrow());

        assertThat(bom.get("vulnerabilities"))
                .isNotEmpty()
                .allSatisfy(
                        vulnerability -> {
                            assertThat(vulnerability.has("rejected")).isTrue();
                            assertThat(vulnerability.get("detail").asText())
                                    .startsWith(withdrawn.retraction().revisionSummary());
                        });
    }

    @Test
    void anAdvisoryWithoutProductStatusesHasNoCycloneDxDocument() {
        assertThat(cycloneDx.render(SampleAdvisories.sparse())).isEmpty();
    }

    /** The analysis of the statement about the component {@code ref}. */
    private static JsonNode analysisOf(JsonNode bom, String ref) {
        return StreamSupport.stream(bom.get("vulnerabilities").spliterator(), false)
                .filter(vulnerability -> vulnerability.at("/affects/0/ref").asText().equals(ref))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No statement about " + ref))
                .get("analysis");
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
