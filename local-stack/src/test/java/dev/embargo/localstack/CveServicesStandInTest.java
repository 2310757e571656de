package dev.embargo.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.embargo.localstack.CveServicesStandIn.Account;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CveServicesStandInTest {

    private static final String CNA_CONTAINER =
            """
            {"cnaContainer": {
              "providerMetadata": {"orgId": "8254265b-2729-46b6-b9e3-3dfca2d5bfca"},
              "descriptions": [{"lang": "en", "value": "A selector bypass."}],
              "affected": [{"vendor": "MoQTail", "product": "moqtail-broker",
                            "versions": [{"version": "0.1.0", "status": "affected",
                                          "lessThan": "0.1.4", "versionType": "custom"}]}],
              "references": [{"url": "https://advisories.example/advisories/EMB-2026-0007",
                              "tags": ["vendor-advisory"]}]
            }}
            """;

    private final CveServicesStandIn standIn =
            CveServicesStandIn.start(new Account("example", "cna@example.org", "secret-key"), 0);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        standIn.close();
    }

    private HttpResponse<String> send(String method, String path, String key, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(standIn.baseUri() + path))
                        .header("Content-Type", "application/json")
                        .header("CVE-API-ORG", "example")
                        .header("CVE-API-USER", "cna@example.org")
                        .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("CVE-API-KEY", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRecordTheOpenApiDocumentAllowsIsCreatedAndThenExists() throws Exception {
        var created = send("POST", "/cve/CVE-1900-0001/cna", "secret-key", CNA_CONTAINER);

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(standIn.violations()).isEmpty();
        assertThat(standIn.record("CVE-1900-0001").orElseThrow().at("/cveMetadata/state").asText())
                .isEqualTo("PUBLISHED");
        assertThat(send("POST", "/cve/CVE-1900-0001/cna", "secret-key", CNA_CONTAINER).statusCode())
                .isEqualTo(400);
    }

    @Test
    void aBodyTheOperationsSchemaRefusesIsABadRequestAndAViolation() throws Exception {
        var response =
                send(
                        "POST",
                        "/cve/CVE-1900-0002/cna",
                        "secret-key",
                        "{\"cnaContainer\": {\"title\": \"No descriptions, no affected\"}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(standIn.violations()).anyMatch(violation -> violation.contains("body:"));
        assertThat(standIn.record("CVE-1900-0002")).isEmpty();
    }

    @Test
    void aMissingRequiredHeaderIsAViolationAndAWrongKeyIsUnauthorized() throws Exception {
        assertThat(send("POST", "/cve/CVE-1900-0003/cna", null, CNA_CONTAINER).statusCode())
                .isEqualTo(400);
        assertThat(standIn.violations())
                .containsExactly("POST /cve/{id}/cna: header parameter CVE-API-KEY is missing");
        assertThat(send("POST", "/cve/CVE-1900-0003/cna", "wrong", CNA_CONTAINER).statusCode())
                .isEqualTo(401);
    }

    @Test
    void anOperationCveServicesDoesNotHaveIsAViolation() throws Exception {
        assertThat(send("POST", "/cve/CVE-1900-0004/publish", "secret-key", "{}").statusCode())
                .isEqualTo(404);
        assertThat(standIn.violations()).hasSize(1);
    }

    @Test
    void aRejectionNeedsItsReasonsAndMakesARejectedRecord() throws Exception {
        String reasons =
                "{\"cnaContainer\": {\"rejectedReasons\": [{\"lang\": \"en\", \"value\":"
                        + " \"Duplicate.\"}]}}";

        assertThat(send("POST", "/cve/CVE-1900-0005/reject", "secret-key", reasons).statusCode())
                .isEqualTo(200);
        assertThat(standIn.record("CVE-1900-0005").orElseThrow().at("/cveMetadata/state").asText())
                .isEqualTo("REJECTED");
        assertThat(
                        send(
                                        "POST",
                                        "/cve/CVE-1900-0006/reject",
                                        "secret-key",
                                        "{\"cnaContainer\": {}}")
                                .statusCode())
                .isEqualTo(400);
    }
}
