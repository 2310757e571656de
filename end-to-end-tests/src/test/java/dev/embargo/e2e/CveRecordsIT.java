package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import dev.embargo.e2e.support.AdvisoryDrafts;
import dev.embargo.e2e.support.Cases;
import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Programs;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import dev.embargo.localstack.CveServicesStandIn;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A CNA program's case from its CVE ID to its CVE record at the CVE Program: a coordinator assigns
 * an ID from the program's pool, the reporter sees it on the status page and by email, and once the
 * advisory is public its record, valid against the official CVE Record Format schema, reaches CVE
 * Services (the local stand-in, which checks each request against CVE Services' OpenAPI document).
 */
@ExtendWith(EmbargoStack.class)
class CveRecordsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROGRAM = CveServicesStandIn.LOCAL_PROGRAM;

    private RunningStack stack;
    private CveServicesStandIn cveServices;

    @BeforeEach
    void cnaProgramAndCveServices(RunningStack runningStack) throws Exception {
        stack = runningStack;
        cveServices =
                CveServicesStandIn.start(
                        CveServicesStandIn.LOCAL_ACCOUNT,
                        stack.launcher().settings().cveServicesPort());
        Programs.publishCopyOfMoqtail(stack, PROGRAM);
    }

    @AfterEach
    void stopCveServices() {
        cveServices.close();
    }

    @Test
    void aPooledCveIdReachesTheReporterAndItsRecordReachesCveServicesOnceTheAdvisoryIsPublic()
            throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String reporterEmail = "cve-" + unique + "@example.org";
        int number = 100_000 + (int) (Math.random() * 800_000);
        String pooled = "CVE-1900-" + number;
        String spare = "CVE-1900-" + (number + 1);
        SubmittedReport report =
                stack.reporter()
                        .submit(
                                PROGRAM,
                                "Selector bypass " + unique,
                                "A wildcard after a negation reads topics beyond the role.",
                                reporterEmail,
                                "Ada Lovelace " + unique);
        AdvisoryDrafts.acceptCase(stack, report);
        ownCna(PROGRAM);

        // The admin imports reserved IDs; a coordinator gives the case the pool's lowest.
        given().auth()
                .oauth2(stack.staffTokens().of("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("cveIds", List.of(spare, pooled)))
                .when()
                .post(triage("/api/v1/programs/" + PROGRAM + "/cve-ids"))
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(stack.staffTokens().of("coordinator"))
                .contentType(ContentType.JSON)
                .body(Map.of())
                .when()
                .post(triage("/api/v1/cases/" + Cases.idOf(stack, report) + "/cve/assign"))
                .then()
                .statusCode(200)
                .body("cveId", equalTo(pooled));

        // The reporter sees it: on the status page, and by email.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                stack.reporter()
                                        .status(report.trackingId(), report.reporterToken())
                                        .then()
                                        .statusCode(200)
                                        .body("cveId", equalTo(pooled)));
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                stack.mailbox().subjects(reporterEmail).stream()
                                        .anyMatch(subject -> subject.contains("CVE ID")));
        assertThat(stack.mailbox().readOverImap(reporterEmail))
                .filteredOn(mail -> mail.subject().contains("CVE ID"))
                .singleElement()
                .satisfies(mail -> assertThat(mail.text()).contains(pooled));

        // The advisory drafted from the case carries the ID; nothing reaches CVE Services before it
        // is public.
        String advisoryId = AdvisoryDrafts.draft(stack, report.trackingId());
        given().auth()
                .oauth2(stack.staffTokens().of("publisher"))
                .when()
                .get(advisory("/api/v1/advisories/" + advisoryId))
                .then()
                .statusCode(200)
                .body("content.cveId", equalTo(pooled));
        AdvisoryDrafts.revise(stack, advisoryId, "Selector bypass " + unique, pooled, "Complete")
                .then()
                .statusCode(200);
        Instant liftAt = Instant.now().plus(Duration.ofSeconds(15));
        given().auth()
                .oauth2(stack.staffTokens().of("coordinator"))
                .contentType(ContentType.JSON)
                .body(Map.of("liftAt", liftAt.toString()))
                .when()
                .put(advisory("/api/v1/advisories/" + advisoryId + "/embargo"))
                .then()
                .statusCode(200);
        assertThat(cveServices.exchanges()).isEmpty();

        await().atMost(Duration.ofSeconds(90)).until(() -> cveServices.record(pooled).isPresent());
        assertThat(Instant.now()).isAfterOrEqualTo(liftAt);
        assertThat(cveServices.violations()).isEmpty();
        JsonNode submitted = cveServices.record(pooled).orElseThrow();
        assertThat(submitted.at("/cveMetadata/state").asText()).isEqualTo("PUBLISHED");
        assertThat(submitted.at("/containers/cna/affected/0/product").asText())
                .isEqualTo("moqtail-broker");
        JsonSchema cveRecordFormat = cveRecordFormat();
        assertThat(cveRecordFormat.validate(submitted)).isEmpty();
        String publicId =
                given().auth()
                        .oauth2(stack.staffTokens().of("publisher"))
                        .when()
                        .get(advisory("/api/v1/advisories/" + advisoryId))
                        .then()
                        .extract()
                        .path("publicId");
        JsonNode published =
                JSON.readTree(
                        given().when()
                                .get(advisory("/advisories/" + publicId + "/cve.json"))
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString());
        assertThat(cveRecordFormat.validate(published)).isEmpty();
        assertThat(published.at("/cveMetadata/cveId").asText()).isEqualTo(pooled);
    }

    /**
     * Makes the program its own CNA as format v2's {@code cve} block says, written into triage's
     * stored document (which is all triage reads the route from) once the case is open: the program
     * format triage parses policies with does not know the block yet.
     */
    private void ownCna(String slug) throws Exception {
        try (Connection triage = stack.database("triage");
                PreparedStatement update =
                        triage.prepareStatement(
                                "UPDATE program_revision SET document = (document::jsonb"
                                        + " || ?::jsonb)::text WHERE slug = ?")) {
            update.setString(
                    1, "{\"cve\": {\"route\": \"own-cna\", \"cnaShortName\": \"" + slug + "\"}}");
            update.setString(2, slug);
            assertThat(update.executeUpdate()).isPositive();
        }
    }

    /** The official CVE Record Format 5.1.1 schema, as advisory's tests vendor it. */
    private JsonSchema cveRecordFormat() throws IOException {
        Path schema =
                stack.launcher()
                        .settings()
                        .repository()
                        .resolve(
                                "advisory-service/src/test/resources/schemas/cve/"
                                        + "CVE_Record_Format_bundled_5.1.1.json");
        try (InputStream in = Files.newInputStream(schema)) {
            return JsonSchemaFactory.getInstance(VersionFlag.V7)
                    .getSchema(
                            in,
                            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        }
    }

    private String triage(String path) {
        return stack.serviceUrl("triage") + path;
    }

    private String advisory(String path) {
        return stack.serviceUrl("advisory") + path;
    }
}
