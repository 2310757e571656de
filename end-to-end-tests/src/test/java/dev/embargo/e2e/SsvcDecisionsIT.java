package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.e2e.support.AdvisoryDrafts;
import dev.embargo.e2e.support.Cases;
import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import dev.embargo.e2e.support.SsvcTableRows;
import dev.embargo.e2e.support.SsvcTableRows.Row;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every row of CERT/CC's SSVC decision tables, as copied into disclosure-policy, decided on one
 * case through triage's API and carried into the advisory's CVE record and CSAF document.
 */
@ExtendWith(EmbargoStack.class)
class SsvcDecisionsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The decision points CISA's ADP publishes; Mission and Well-Being is each deployer's own. */
    private static final List<String> PUBLIC_DECISION_POINTS =
            List.of("Exploitation", "Automatable", "Technical Impact");

    @Test
    void everyRowOfTheTablesIsDecidedAsCertCcPublishedItAndReachesTheCveRecord(RunningStack stack)
            throws Exception {
        List<Row> cisa = SsvcTableRows.of("ssvc/cisa_coordinator_2_0_3.csv");
        List<Row> coordinatorTriage = SsvcTableRows.of("ssvc/coordinator_triage_1_0_0.csv");
        assertThat(cisa).hasSize(36);
        assertThat(coordinatorTriage).hasSize(192);

        String unique = UUID.randomUUID().toString().substring(0, 8);
        String cveId = "CVE-1900-" + (10_000 + (int) (Math.random() * 89_999));
        SubmittedReport report =
                stack.reporter()
                        .submit(
                                "moqtail",
                                "SSVC rows " + unique,
                                "ssvc-" + unique + "@example.org");
        String advisoryId = AdvisoryDrafts.draftedFromAcceptedCase(stack, report);
        AdvisoryDrafts.revise(stack, advisoryId, "SSVC rows " + unique, cveId, "Ready")
                .then()
                .statusCode(200);
        String ssvc =
                stack.serviceUrl("triage") + "/api/v1/cases/" + Cases.idOf(stack, report) + "/ssvc";
        String triager = stack.staffTokens().of("triager");
        String publisher = stack.staffTokens().of("publisher");

        // Each request decides a row of each table: the coordinator triage's 192 rows cycle
        // through CISA's 36. The coordinator triage stays with the team, so the published documents
        // are checked for CISA's rows, each awaited before the next replaces it.
        for (int index = 0; index < coordinatorTriage.size(); index++) {
            Row row = cisa.get(index % cisa.size());
            Row triage = coordinatorTriage.get(index);
            JsonPath decided =
                    given().auth()
                            .oauth2(triager)
                            .contentType(ContentType.JSON)
                            .body(
                                    Map.of(
                                            "decisionPoints",
                                            row.inputs(),
                                            "coordinatorTriage",
                                            triage.inputs()))
                            .when()
                            .put(ssvc)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath();
            assertThat(decided.getString("ssvc.decision.outcome"))
                    .as("CISA Coordinator row %s", row.number())
                    .isEqualToIgnoringCase(row.outcome());
            assertThat(decided.getString("ssvc.coordinatorTriage.outcome"))
                    .as("Coordinator Triage row %s", triage.number())
                    .isEqualToIgnoringCase(triage.outcome());
            // The last request too: its coordinator triage must not reach the documents.
            if (index < cisa.size() || index == coordinatorTriage.size() - 1) {
                Instant decidedAt = Instant.parse(decided.getString("ssvc.decidedAt"));
                JsonNode content =
                        await().atMost(Duration.ofSeconds(20))
                                .pollInterval(Duration.ofMillis(50))
                                .until(
                                        () -> ssvcContent(stack, publisher, advisoryId),
                                        found ->
                                                found != null
                                                        && decidedAt.equals(
                                                                Instant.parse(
                                                                        found.path("timestamp")
                                                                                .asText())));
                assertThat(content.path("id").asText()).isEqualTo(cveId);
                assertThat(content.path("role").asText()).isEqualTo("CISA Coordinator");
                assertThat(content.path("version").asText()).isEqualTo("2.0.3");
                assertThat(JSON.convertValue(content.path("options"), List.class))
                        .as("CISA Coordinator row %s", row.number())
                        .isEqualTo(adpOptions(row));
                String note = ssvcNote(stack, publisher, advisoryId);
                assertThat(note)
                        .as("CISA Coordinator row %s", row.number())
                        .satisfies(text -> assertDecisionOf(text, row))
                        .doesNotContainIgnoringCase("Coordinator Triage");
            }
        }
        assertThat(preview(stack, publisher, advisoryId, "cve"))
                .doesNotContainIgnoringCase("Coordinator Triage");
    }

    /** The metric of type ssvc of the previewed CVE record; null when it has none. */
    private static JsonNode ssvcContent(RunningStack stack, String token, String advisoryId)
            throws Exception {
        for (JsonNode metric :
                JSON.readTree(preview(stack, token, advisoryId, "cve"))
                        .at("/containers/cna/metrics")) {
            if (metric.at("/other/type").asText().equals("ssvc")) {
                return metric.at("/other/content");
            }
        }
        return null;
    }

    /** The SSVC note of the previewed CSAF document. */
    private static String ssvcNote(RunningStack stack, String token, String advisoryId)
            throws Exception {
        for (JsonNode note :
                JSON.readTree(preview(stack, token, advisoryId, "csaf"))
                        .at("/vulnerabilities/0/notes")) {
            if (note.path("title").asText().equals("SSVC")) {
                return note.path("text").asText();
            }
        }
        throw new AssertionError("The CSAF document has no SSVC note");
    }

    private static String preview(
            RunningStack stack, String token, String advisoryId, String format) {
        return given().auth()
                .oauth2(token)
                .when()
                .get(
                        stack.serviceUrl("advisory")
                                + "/api/v1/advisories/"
                                + advisoryId
                                + "/preview/"
                                + format)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /**
     * The row's public decision points as CISA's ADP writes them in CVE records: in lower case, and
     * Public PoC as {@code poc}.
     */
    private static List<Map<String, String>> adpOptions(Row row) {
        return PUBLIC_DECISION_POINTS.stream()
                .map(
                        point -> {
                            String value = row.inputs().get(point).toLowerCase(Locale.ROOT);
                            return Map.of(point, value.equals("public poc") ? "poc" : value);
                        })
                .toList();
    }

    /** The note names the row's outcome first, then every decision point with its value. */
    private static void assertDecisionOf(String note, Row row) {
        String lower = note.toLowerCase(Locale.ROOT);
        assertThat(lower).startsWith(row.outcome().toLowerCase(Locale.ROOT) + " (");
        row.inputs()
                .forEach(
                        (point, value) ->
                                assertThat(lower)
                                        .contains((point + " " + value).toLowerCase(Locale.ROOT)));
    }
}
