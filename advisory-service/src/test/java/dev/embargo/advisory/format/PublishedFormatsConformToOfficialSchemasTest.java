package dev.embargo.advisory.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.embargo.advisory.domain.PartnerStatement;
import dev.embargo.advisory.domain.PublishedAdvisory;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PublishedFormatsConformToOfficialSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PublicLinks LINKS = new PublicLinks("https://advisories.example/");
    private static final CsafPublisher PUBLISHER =
            new CsafPublisher(
                    "Example PSIRT", "https://example.org", "vendor", "psirt@example.org");

    private final CsafDocument csaf = new CsafDocument(JSON, LINKS, PUBLISHER);
    private final CsafVexDocument vex = new CsafVexDocument(csaf, LINKS);
    private final OsvRecord osv = new OsvRecord(JSON, LINKS);
    private final CsafDistribution distribution = new CsafDistribution(JSON, LINKS, PUBLISHER);
    private final CveRecord cve =
            new CveRecord(JSON, LINKS, "8254265b-2729-46b6-b9e3-3dfca2d5bfca", "example");

    static Stream<PublishedAdvisory> advisories() {
        return Stream.of(SampleAdvisories.complete(), SampleAdvisories.sparse());
    }

    @ParameterizedTest
    @MethodSource("advisories")
    void csafDocumentsAreValidCsaf20SecurityAdvisories(PublishedAdvisory advisory) {
        ObjectNode document = csaf.render(advisory);

        assertThat(OfficialSchemas.violations(OfficialSchemas.CSAF, document)).isEmpty();
        assertThat(document.at("/document/category").asText()).isEqualTo("csaf_security_advisory");
        assertThat(document.at("/document/distribution/tlp/label").asText()).isEqualTo("WHITE");
        assertThat(document.at("/document/tracking/version").asText())
                .isEqualTo(String.valueOf(advisory.version()));
        assertThat(document.at("/document/tracking/revision_history"))
                .hasSize(advisory.revisionHistory().size());
    }

    @Test
    void csafCarriesTheFieldsConsumersRead() {
        ObjectNode document = csaf.render(SampleAdvisories.complete());
        JsonNode vulnerability = document.at("/vulnerabilities/0");
        JsonNode broker = productId(document, 0, 0);

        assertThat(document.at("/document/tracking/aliases/0").asText())
                .isEqualTo("CVE-1900-12345");
        assertThat(document.at("/document/tracking/generator/date").asText())
                .isEqualTo(SampleAdvisories.SECOND.toString());
        assertThat(document.at("/document/acknowledgments").findValuesAsText("summary"))
                .containsExactly("finder", "remediation developer", "analyst");
        assertThat(vulnerability.at("/ids/0/text").asText()).isEqualTo("EMB-2026-0007");
        assertThat(vulnerability.at("/discovery_date").asText()).isEqualTo("2026-11-02T10:00:00Z");
        assertThat(vulnerability.at("/release_date").asText())
                .isEqualTo(SampleAdvisories.FIRST.toString());
        assertThat(vulnerability.at("/threats").findValuesAsText("category"))
                .containsExactly("impact", "exploit_status");
        assertThat(vulnerability.at("/references/0/category").asText()).isEqualTo("external");
        JsonNode vendorFix = vulnerability.at("/remediations/2");
        assertThat(vendorFix.at("/url").asText()).endsWith("/v0.1.4");
        assertThat(vendorFix.at("/date").asText()).isEqualTo(SampleAdvisories.FIRST.toString());
        assertThat(vendorFix.at("/product_ids")).containsExactly(broker);
        assertThat(vulnerability.at("/remediations/3/category").asText())
                .isEqualTo("none_available");
        assertThat(vulnerability.at("/remediations/3/product_ids"))
                .containsExactly(productId(document, 1, 0));
    }

    @Test
    void csafAndItsVexStateTheProgramsLegalDisclaimerAndNoneWhenThePolicyStatesNone() {
        ObjectNode document = csaf.render(SampleAdvisories.complete());
        ObjectNode vexDocument = vex.render(SampleAdvisories.complete()).orElseThrow();

        assertThat(OfficialSchemas.violations(OfficialSchemas.CSAF, document)).isEmpty();
        assertThat(OfficialSchemas.violations(OfficialSchemas.CSAF, vexDocument)).isEmpty();
        for (JsonNode withDisclaimer : List.of(document, vexDocument)) {
            assertThat(withDisclaimer.at("/document/notes"))
                    .filteredOn(note -> note.path("category").asText().equals("legal_disclaimer"))
                    .singleElement()
                    .satisfies(
                            note ->
                                    assertThat(note.path("text").asText())
                                            .isEqualTo(SampleAdvisories.LEGAL_DISCLAIMER));
        }
        assertThat(csaf.render(SampleAdvisories.sparse()).at("/document/notes"))
                .noneMatch(note -> note.path("category").asText().equals("legal_disclaimer"));
        // OSV and CVE records have no field for terms of use: they carry none.
        assertThat(osv.render(SampleAdvisories.complete()).toString())
                .doesNotContain("without warranty");
        assertThat(cve.render(SampleAdvisories.complete()).orElseThrow().toString())
                .doesNotContain("without warranty");
    }

    @Test
    void csafAndItsVexCarryTheProgramsNotesAndNoneWhenThePolicyStatesNone() {
        ObjectNode document = csaf.render(SampleAdvisories.complete());
        ObjectNode vexDocument = vex.render(SampleAdvisories.complete()).orElseThrow();

        // Both are kept for BSI's validator by OfficialSchemas.
        assertThat(OfficialSchemas.violations(OfficialSchemas.CSAF, document)).isEmpty();
        assertThat(OfficialSchemas.violations(OfficialSchemas.CSAF, vexDocument)).isEmpty();
        for (JsonNode withNotes : List.of(document, vexDocument)) {
            assertThat(withNotes.at("/document/notes"))
                    .extracting(
                            note -> note.path("category").asText(),
                            note -> note.path("title").asText(),
                            note -> note.path("text").asText())
                    .containsSubsequence(
                            tuple("faq", "Questions", "Write to security@moqtail.example."),
                            tuple(
                                    "general",
                                    "Scores",
                                    "Scores are the team's.\nVendors may differ."));
        }
        assertThat(csaf.render(SampleAdvisories.sparse()).at("/document/notes"))
                .noneMatch(note -> note.path("title").asText().equals("Questions"));
    }

    @Test
    void osvAndCveRecordsTypeTheirReferencesAndCarryTheirOwnFields() {
        ObjectNode record = osv.render(SampleAdvisories.complete());
        ObjectNode cveRecord = cve.render(SampleAdvisories.complete()).orElseThrow();
        JsonNode cna = cveRecord.at("/containers/cna");

        assertThat(record.at("/references").findValuesAsText("type"))
                .containsExactly("ADVISORY", "FIX");
        assertThat(record.at("/related/0").asText()).isEqualTo("GHSA-xxxx-yyyy-zzzz");
        assertThat(record.at("/credits").findValuesAsText("type")).contains("ANALYST");
        assertThat(cna.at("/references/1/tags/0").asText()).isEqualTo("patch");
        assertThat(cna.at("/timeline").findValuesAsText("value"))
                .containsExactly(
                        "Vulnerability found", "Initial public release.", "Post-mortem published");
        assertThat(cna.at("/impacts/0/capecId").asText()).isEqualTo("CAPEC-233");
        assertThat(cna.at("/source/advisory").asText()).isEqualTo("EMB-2026-0007");
        assertThat(cna.at("/x_generator/engine").asText()).startsWith("Embargo");
        assertThat(cna.at("/credits").findValuesAsText("type")).contains("analyst");
    }

    @Test
    void vexDocumentsAreValidCsafAndStateEveryProductVersionAsTheVexProfileAsks() {
        ObjectNode document = vex.render(SampleAdvisories.complete()).orElseThrow();
        JsonNode vulnerability = document.at("/vulnerabilities/0");
        JsonNode status = vulnerability.get("product_status");

        assertThat(OfficialSchemas.violations(OfficialSchemas.CSAF, document)).isEmpty();
        assertThat(document.at("/document/category").asText()).isEqualTo("csaf_vex");
        assertThat(document.at("/document/tracking/id").asText()).isEqualTo("EMB-2026-0007-VEX");
        assertThat(document.at("/document/references/0/url").asText())
                .isEqualTo(
                        "https://advisories.example/.well-known/csaf/white/2026/emb-2026-0007-vex.json");
        assertThat(document.at("/document/notes").findValuesAsText("category")).contains("summary");
        assertThat(vulnerability.at("/cve").asText()).isEqualTo("CVE-1900-12345");
        assertThat(vulnerability.at("/notes").findValuesAsText("category")).contains("description");
        assertThat(status.get("known_affected")).hasSize(1);
        assertThat(status.get("fixed")).hasSize(1);
        assertThat(status.get("known_not_affected")).hasSize(2);
        assertThat(status.get("under_investigation")).hasSize(1);
        assertThat(vulnerability.at("/flags").findValuesAsText("label"))
                .containsExactly("vulnerable_code_not_present", "component_not_present");
        assertThat(vulnerability.at("/threats/0/category").asText()).isEqualTo("impact");
        assertThat(vulnerability.at("/remediations/0/product_ids"))
                .isEqualTo(status.get("known_affected"));
        JsonNode fixedBroker =
                document.at("/product_tree/branches/0/branches/0/branches/1/product");
        assertThat(fixedBroker.at("/product_identification_helper/purl").asText())
                .isEqualTo("pkg:cargo/moqtail@0.1.4");
        assertThat(vulnerability.has("scores")).isFalse();
    }

    @Test
    void vexDocumentsStatePartnersProductsWithThePartnerAsVendor() {
        Instant stated = SampleAdvisories.SECOND;
        ObjectNode document =
                vex.render(
                                SampleAdvisories.withPartnerStatements(
                                        SampleAdvisories.complete(),
                                        null,
                                        new PartnerStatement(
                                                "Acme Routers",
                                                "acme-router",
                                                "known_affected",
                                                null,
                                                null,
                                                stated),
                                        new PartnerStatement(
                                                "Acme Routers",
                                                "acme-switch",
                                                "known_not_affected",
                                                "vulnerable_code_not_in_execute_path",
                                                null,
                                                stated),
                                        new PartnerStatement(
                                                "Acme Routers",
                                                "acme-hub",
                                                "fixed",
                                                null,
                                                "7.2",
                                                stated)))
                        .orElseThrow();
        JsonNode partner = document.at("/product_tree/branches/1");
        JsonNode vulnerability = document.at("/vulnerabilities/0");
        String router = partner.at("/branches/0/product/product_id").asText();
        String switchId = partner.at("/branches/1/product/product_id").asText();
        String hub = partner.at("/branches/2/branches/0/product/product_id").asText();

        assertThat(OfficialSchemas.violations(OfficialSchemas.CSAF, document)).isEmpty();
        assertThat(partner.get("category").asText()).isEqualTo("vendor");
        assertThat(partner.get("name").asText()).isEqualTo("Acme Routers");
        assertThat(partner.at("/branches/2/branches/0/name").asText()).isEqualTo("7.2");
        assertThat(vulnerability.at("/product_status/known_affected").toString()).contains(router);
        assertThat(vulnerability.at("/product_status/known_not_affected").toString())
                .contains(switchId);
        assertThat(vulnerability.at("/product_status/fixed").toString()).contains(hub);
        assertThat(vulnerability.at("/remediations/1/category").asText())
                .isEqualTo("none_available");
        assertThat(vulnerability.at("/remediations/1/product_ids/0").asText()).isEqualTo(router);
        assertThat(vulnerability.get("flags").toString())
                .contains("vulnerable_code_not_in_execute_path\",\"product_ids\":[\"" + switchId);
    }

    @Test
    void partnersStatementsAloneMakeAVexDocument() {
        ObjectNode document =
                vex.render(
                                SampleAdvisories.withPartnerStatements(
                                        SampleAdvisories.sparse(),
                                        null,
                                        new PartnerStatement(
                                                "Acme Routers",
                                                "acme-router",
                                                "under_investigation",
                                                null,
                                                null,
                                                SampleAdvisories.FIRST)))
                        .orElseThrow();

        assertThat(OfficialSchemas.violations(OfficialSchemas.CSAF, document)).isEmpty();
    }

    @Test
    void anAdvisoryWithoutProductStatusesHasNoVexDocument() {
        assertThat(vex.render(SampleAdvisories.sparse())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("advisories")
    void osvRecordsAreValidOsv(PublishedAdvisory advisory) {
        assertThat(OfficialSchemas.violations(OfficialSchemas.OSV, osv.render(advisory))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("advisoriesWithCveIds")
    void cveRecordsAreValidCveJson5Records(PublishedAdvisory advisory) {
        ObjectNode record = cve.render(advisory).orElseThrow();

        assertThat(OfficialSchemas.violations(OfficialSchemas.CVE, record)).isEmpty();
    }

    static Stream<PublishedAdvisory> advisoriesWithCveIds() {
        return Stream.of(
                SampleAdvisories.complete(),
                SampleAdvisories.withCveId(SampleAdvisories.sparse(), "CVE-1900-0002"));
    }

    @Test
    void rejectedRecordsAreValidCveJson5Records() {
        ObjectNode record =
                cve.rejected(
                        "CVE-1900-0003", "Duplicate of CVE-1900-0002.", SampleAdvisories.SECOND);

        assertThat(OfficialSchemas.violations(OfficialSchemas.CVE, record)).isEmpty();
        assertThat(record.at("/cveMetadata/state").asText()).isEqualTo("REJECTED");
    }

    @Test
    void providerMetadataIsValidAgainstTheCsafProviderSchema() {
        ObjectNode metadata =
                distribution.providerMetadata(
                        List.of(SampleAdvisories.complete(), SampleAdvisories.sparse()),
                        "0123456789ABCDEF0123456789ABCDEF01234567");

        assertThat(OfficialSchemas.violations(OfficialSchemas.CSAF_PROVIDER, metadata)).isEmpty();
        assertThat(metadata.at("/distributions/0/rolie/feeds/0/url").asText())
                .isEqualTo("https://advisories.example/.well-known/csaf/white/feed-tlp-white.json");
    }

    @Test
    void theSchemasRejectADocumentThatBreaksThem() {
        ObjectNode broken = csaf.render(SampleAdvisories.complete());
        ((ObjectNode) broken.get("document")).put("category", "");
        ((ObjectNode) broken.at("/document/tracking")).put("version", "v2");
        ObjectNode brokenOsv = osv.render(SampleAdvisories.complete());
        brokenOsv.put("id", "EMB-2026-0007");
        ObjectNode brokenCve = cve.render(SampleAdvisories.complete()).orElseThrow();
        ((ObjectNode) brokenCve.get("cveMetadata")).put("cveId", "CVE-26-1");

        assertThat(OfficialSchemas.violations(OfficialSchemas.CSAF, broken)).isNotEmpty();
        assertThat(OfficialSchemas.violations(OfficialSchemas.OSV, brokenOsv)).isNotEmpty();
        assertThat(OfficialSchemas.violations(OfficialSchemas.CVE, brokenCve)).isNotEmpty();
    }

    @Test
    void bothCvssVersionsAreScoredWithTheirBaseMetricsWhereEachFormatAllows() {
        PublishedAdvisory advisory = SampleAdvisories.complete();
        JsonNode csafVulnerability = csaf.render(advisory).at("/vulnerabilities/0");
        JsonNode cveMetrics = cve.render(advisory).orElseThrow().at("/containers/cna/metrics");

        assertThat(csafVulnerability.at("/scores/0/cvss_v3/privilegesRequired").asText())
                .isEqualTo("LOW");
        assertThat(csafVulnerability.at("/notes").toString()).contains("CVSS:4.0/AV:N");
        assertThat(cveMetrics.at("/0/cvssV3_1/confidentialityImpact").asText()).isEqualTo("HIGH");
        assertThat(cveMetrics.at("/1/cvssV4_0/attackRequirements").asText()).isEqualTo("NONE");
        assertThat(cveMetrics.at("/1/cvssV4_0/baseSeverity").asText()).isEqualTo("HIGH");
        assertThat(osv.render(advisory).at("/severity").findValuesAsText("type"))
                .containsExactly("CVSS_V3", "CVSS_V4");
    }

    @Test
    void aSeverityNamedWithACvssRatingWordMustAgreeWithEveryScore() {
        List<Cvss> scores = Cvss.of(SampleAdvisories.complete().content());

        assertThat(Cvss.contradictions("medium", scores))
                .containsExactly("severity medium contradicts the CVSS 4.0 score 7.1 (HIGH)");
        assertThat(Cvss.contradictions("critical", scores)).hasSize(2);
        assertThat(Cvss.contradictions("p2", scores)).isEmpty();
    }

    @Test
    void csafCarriesCvss4OnlyAsANoteBecauseCsaf20HasNoCvss4Score() {
        ObjectNode document = csaf.render(SampleAdvisories.sparse());

        assertThat(document.at("/vulnerabilities/0/scores").isMissingNode()).isTrue();
        assertThat(document.at("/vulnerabilities/0/notes").toString()).contains("CVSS:4.0/AV:N");
    }

    @Test
    void csafCarriesTheSsvcDecisionAsANoteBecauseCsaf20ScoresKnowOnlyCvss() {
        ObjectNode document = csaf.render(SampleAdvisories.complete());

        assertThat(OfficialSchemas.violations(OfficialSchemas.CSAF, document)).isEmpty();
        assertThat(document.at("/vulnerabilities/0/notes"))
                .anySatisfy(
                        note -> {
                            assertThat(note.path("category").asText()).isEqualTo("other");
                            assertThat(note.path("title").asText()).isEqualTo("SSVC");
                            assertThat(note.path("text").asText())
                                    .isEqualTo(
                                            "Track* (CISA Coordinator 2.0.3: Exploitation Public"
                                                + " PoC, Automatable No, Technical Impact Total,"
                                                + " Mission and Well-Being Impact Medium)");
                        });
        assertThat(csaf.render(SampleAdvisories.sparse()).at("/vulnerabilities/0/notes").toString())
                .doesNotContain("SSVC");
    }

    @Test
    void versionRangesUseTheVersNotation() {
        ObjectNode document = csaf.render(SampleAdvisories.complete());

        assertThat(document.at("/product_tree/branches/0/branches/0/branches/0/name").asText())
                .isEqualTo("vers:cargo/>=0.1.0|<0.1.4");
        assertThat(document.at("/product_tree/branches/0/branches/0/branches/2/name").asText())
                .isEqualTo("vers:cargo/>=0.1.4");
        assertThat(document.at("/product_tree/branches/0/branches/1/branches/0/name").asText())
                .isEqualTo("vers:all/*");
    }

    @Test
    void csafIdentifiesPackagesByPurlAndCpeAndNamesTheFirstFixedVersion() {
        ObjectNode document = csaf.render(SampleAdvisories.complete());
        JsonNode broker = document.at("/product_tree/branches/0/branches/0/branches");

        assertThat(broker.at("/0/product/product_identification_helper/purl").asText())
                .isEqualTo("pkg:cargo/moqtail");
        assertThat(broker.at("/0/product/product_identification_helper/cpe").asText())
                .isEqualTo("cpe:2.3:a:example:moqtail:*:*:*:*:*:*:*:*");
        assertThat(broker.at("/1/product/product_identification_helper/purl").asText())
                .isEqualTo("pkg:cargo/moqtail@0.1.4");
        JsonNode status = document.at("/vulnerabilities/0/product_status");
        assertThat(status.get("first_fixed"))
                .containsExactly(broker.at("/1/product/product_id"), productId(document, 2, 1));
        assertThat(status.get("fixed"))
                .containsExactly(broker.at("/2/product/product_id"), productId(document, 2, 2));
        assertThat(status.get("known_affected")).hasSize(3);
    }

    @Test
    void osvRangesFollowEachEcosystemsSchemeAndNameThePackageByPurl() {
        ObjectNode record = osv.render(SampleAdvisories.complete());

        assertThat(record.at("/affected/0/package/purl").asText()).isEqualTo("pkg:cargo/moqtail");
        assertThat(record.at("/affected/0/ranges/0/type").asText()).isEqualTo("SEMVER");
        assertThat(record.at("/affected/2/package/ecosystem").asText()).isEqualTo("Go");
        assertThat(record.at("/affected/2/ranges/0/type").asText()).isEqualTo("SEMVER");
        assertThat(record.at("/affected/2/ranges/0/events/1/fixed").asText()).isEqualTo("0.2.3");
        assertThat(record.at("/affected/1/package").isMissingNode()).isTrue();
    }

    @Test
    void cveRecordsNameThePackageWhereItIsCollectedAndTypeItsVersions() {
        ObjectNode record = cve.render(SampleAdvisories.complete()).orElseThrow();
        JsonNode affected = record.at("/containers/cna/affected");

        assertThat(affected.at("/0/collectionURL").asText()).isEqualTo("https://crates.io");
        assertThat(affected.at("/0/packageName").asText()).isEqualTo("moqtail");
        assertThat(affected.at("/0/versions/0/versionType").asText()).isEqualTo("semver");
        assertThat(affected.at("/1/versions/0/versionType").asText()).isEqualTo("custom");
        assertThat(affected.at("/2/collectionURL").asText()).isEqualTo("https://pkg.go.dev");
    }

    private static JsonNode productId(ObjectNode document, int product, int version) {
        return document.at(
                "/product_tree/branches/0/branches/%d/branches/%d/product/product_id"
                        .formatted(product, version));
    }
}
