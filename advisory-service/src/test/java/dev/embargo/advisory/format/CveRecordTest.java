package dev.embargo.advisory.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * What CVE JSON 5 records say. That each record is valid against the official schema is shown in
 * PublishedFormatsConformToOfficialSchemasTest.
 */
class CveRecordTest {

    private final CveRecord cve =
            new CveRecord(
                    new ObjectMapper(),
                    new PublicLinks("https://advisories.example"),
                    "8254265b-2729-46b6-b9e3-3dfca2d5bfca",
                    "example");

    @Test
    void aRecordIsValidAndCarriesTheAdvisorysIdsLinksAndScores() {
        JsonNode record = cve.render(SampleAdvisories.complete()).orElseThrow();

        assertThat(OfficialSchemas.violations(OfficialSchemas.CVE, record)).isEmpty();
        assertThat(record.at("/cveMetadata/cveId").asText()).isEqualTo("CVE-1900-12345");
        assertThat(record.at("/cveMetadata/state").asText()).isEqualTo("PUBLISHED");
        JsonNode cna = record.at("/containers/cna");
        assertThat(cna.at("/providerMetadata/orgId").asText())
                .isEqualTo("8254265b-2729-46b6-b9e3-3dfca2d5bfca");
        assertThat(cna.at("/descriptions/0/lang").asText()).isEqualTo("en");
        assertThat(cna.at("/references/0/url").asText())
                .isEqualTo("https://advisories.example/advisories/EMB-2026-0007");
        assertThat(cna.at("/references/0/tags/0").asText()).isEqualTo("vendor-advisory");
        assertThat(cna.at("/problemTypes/0/descriptions/0/cweId").asText()).isEqualTo("CWE-863");
        assertThat(cna.at("/metrics/0/cvssV3_1/baseSeverity").asText()).isEqualTo("MEDIUM");
    }

    @Test
    void theSsvcDecisionIsAMetricShapedAsCisasAdpWritesIt() throws Exception {
        JsonNode record = cve.render(SampleAdvisories.complete()).orElseThrow();

        assertThat(OfficialSchemas.violations(OfficialSchemas.CVE, record)).isEmpty();
        assertThat(record.at("/containers/cna/metrics").findValue("other"))
                .isEqualTo(
                        new ObjectMapper()
                                .readTree(
                                        """
                                        {"type": "ssvc",
                                         "content": {"timestamp": "2026-11-18T12:00:00Z",
                                                     "id": "CVE-1900-12345",
                                                     "options": [{"Exploitation": "poc"},
                                                                 {"Automatable": "no"},
                                                                 {"Technical Impact": "total"}],
                                                     "role": "CISA Coordinator",
                                                     "version": "2.0.3"}}
                                        """));
    }

    @Test
    void aRangeNamesItsVersionTypeAndAnOpenRangeRunsToTheLastVersion() {
        JsonNode affected =
                cve.render(SampleAdvisories.complete())
                        .orElseThrow()
                        .at("/containers/cna/affected");

        JsonNode fixed = affected.at("/0/versions/0");
        assertThat(fixed.get("version").asText()).isEqualTo("0.1.0");
        assertThat(fixed.get("lessThan").asText()).isEqualTo("0.1.4");
        assertThat(fixed.get("versionType").asText()).isNotBlank();
        JsonNode open = affected.at("/1/versions/0");
        assertThat(open.get("lessThanOrEqual").asText()).isEqualTo("*");
        assertThat(affected.at("/0/defaultStatus").asText()).isEqualTo("unaffected");
    }

    @Test
    void anAdvisoryWithoutCveIdHasNoRecord() {
        assertThat(cve.render(SampleAdvisories.sparse())).isEmpty();
    }
}
