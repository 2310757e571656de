package dev.embargo.advisory.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * CVE JSON 5 records. The official bundled schema (CVEProject/cve-schema) could not be vendored
 * yet: the repository is larger than the snapshots these machines may fetch and it is on neither
 * Maven Central nor npm. Until it is, these tests check the rules of that schema a record of ours
 * can break: required fields, the identifier and timestamp patterns, and the version-range shape.
 */
class CveRecordTest {

    private static final String UUID_V4 =
            "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-4[0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}$";
    private static final String TIMESTAMP =
            "^\\d{4}-\\d{2}-\\d{2}T(2[0-3]|[01][0-9]):([0-5][0-9]):([0-5][0-9])(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$";

    private final CveRecord cve =
            new CveRecord(
                    new ObjectMapper(),
                    new PublicLinks("https://advisories.example"),
                    "8254265b-2729-46b6-b9e3-3dfca2d5bfca",
                    "example");

    @Test
    void aRecordCarriesTheMetadataAndCnaContainerTheSchemaRequires() {
        JsonNode record = cve.render(SampleAdvisories.complete()).orElseThrow();

        assertThat(record.get("dataType").asText()).isEqualTo("CVE_RECORD");
        assertThat(record.get("dataVersion").asText())
                .matches("^5\\.(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))?$");
        assertThat(record.at("/cveMetadata/cveId").asText()).matches("^CVE-[0-9]{4}-[0-9]{4,19}$");
        assertThat(record.at("/cveMetadata/assignerOrgId").asText()).matches(UUID_V4);
        assertThat(record.at("/cveMetadata/state").asText()).isEqualTo("PUBLISHED");
        assertThat(record.at("/cveMetadata/datePublished").asText()).matches(TIMESTAMP);
        assertThat(record.at("/cveMetadata/dateUpdated").asText()).matches(TIMESTAMP);
        JsonNode cna = record.at("/containers/cna");
        assertThat(cna.at("/providerMetadata/orgId").asText()).matches(UUID_V4);
        assertThat(cna.get("title").asText()).hasSizeBetween(1, 256);
        assertThat(cna.at("/descriptions/0/lang").asText()).isEqualTo("en");
        assertThat(cna.at("/references/0/url").asText())
                .isEqualTo("https://advisories.example/advisories/EMB-2026-0007");
        assertThat(cna.at("/references/0/tags/0").asText()).isEqualTo("vendor-advisory");
        assertThat(cna.at("/problemTypes/0/descriptions/0/cweId").asText()).isEqualTo("CWE-863");
        assertThat(cna.at("/metrics/0/cvssV3_1/baseSeverity").asText()).isEqualTo("MEDIUM");
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
