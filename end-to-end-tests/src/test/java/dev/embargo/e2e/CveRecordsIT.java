package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.e2e.support.AdvisoryDrafts;
import dev.embargo.e2e.support.Cases;
import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.OfficialFormats;
import dev.embargo.e2e.support.Programs;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import dev.embargo.localstack.CveServicesStandIn;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
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
    private static final String TEAM = "security@moqtail.dev";

    private RunningStack stack;
    private CveServicesStandIn cveServices;

    @BeforeEach
    void cnaProgramAndCveServices(RunningStack runningStack) throws Exception {
        stack = runningStack;
        cveServices =
                CveServicesStandIn.start(
                        CveServicesStandIn.LOCAL_ACCOUNT,
                        stack.launcher().settings().cveServicesPort());
        Programs.publishCnaCopyOfMoqtail(stack, PROGRAM);
    }

    @AfterEach
    void stopCveServicesAndClockBackInStep() {
        cveServices.close();
        stack.triageClock().reset();
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

        // The admin imports reserved IDs; a coordinator gives the case the pool's lowest.
        String reservedAt = assignFromPool(PROGRAM, report, List.of(spare, pooled), pooled);
        // Beside CVSS, a triager records the SSVC decision that the record carries.
        given().auth()
                .oauth2(stack.staffTokens().of("triager"))
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "decisionPoints",
                                Map.of(
                                        "Exploitation", "public poc",
                                        "Automatable", "no",
                                        "Technical Impact", "total",
                                        "Mission and Well-Being Impact", "high")))
                .when()
                .put(
                        stack.serviceUrl("triage")
                                + "/api/v1/cases/"
                                + Cases.idOf(stack, report)
                                + "/ssvc")
                .then()
                .statusCode(200)
                .body("ssvc.decision.outcome", equalTo("Attend"));

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
        Instant liftAt = liftEmbargoSoon(advisoryId);
        assertThat(cveServices.exchanges()).isEmpty();

        await().atMost(Duration.ofSeconds(90)).until(() -> cveServices.record(pooled).isPresent());
        assertThat(Instant.now()).isAfterOrEqualTo(liftAt);
        assertThat(cveServices.violations()).isEmpty();
        JsonNode submitted = cveServices.record(pooled).orElseThrow();
        assertThat(submitted.at("/cveMetadata/state").asText()).isEqualTo("PUBLISHED");
        assertThat(submitted.at("/containers/cna/affected/0/product").asText())
                .isEqualTo("moqtail-broker");
        OfficialFormats formats = new OfficialFormats(stack);
        assertThat(formats.cveViolations(submitted)).isEmpty();
        assertThat(submitted.at("/containers/cna/metrics"))
                .anySatisfy(
                        metric -> {
                            assertThat(metric.at("/other/type").asText()).isEqualTo("ssvc");
                            assertThat(metric.at("/other/content/role").asText())
                                    .isEqualTo("CISA Coordinator");
                            assertThat(metric.at("/other/content/id").asText()).isEqualTo(pooled);
                            assertThat(metric.at("/other/content/options").toString())
                                    .isEqualTo(
                                            "[{\"Exploitation\":\"poc\"},{\"Automatable\":\"no\"},"
                                                    + "{\"Technical Impact\":\"total\"}]");
                        });
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
        assertThat(formats.cveViolations(published)).isEmpty();
        assertThat(published.at("/cveMetadata/cveId").asText()).isEqualTo(pooled);
        // The published record says when the program's CNA reserved the ID, as triage's pool did.
        assertThat(Instant.parse(published.at("/cveMetadata/dateReserved").asText()))
                .isEqualTo(Instant.parse(reservedAt));
    }

    /**
     * CNA rules 4.5.1.3/4.5.1.4 on triage's scheduler: a case published while CVE Services never
     * accepts its record (the program has no account there) is warned about at the 24-hour target,
     * which is never breached, and breached once at 72 hours, however many scans follow.
     */
    @Test
    void aPublishedCaseWhoseRecordNeverReachesCveServicesBreachesTheCnaClockOnce()
            throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String slug = "noaccount-" + unique;
        Programs.publishCnaCopyOfMoqtail(stack, slug);
        String cveId = "CVE-1900-" + (900_000 + (int) (Math.random() * 99_000));
        SubmittedReport report =
                stack.reporter()
                        .submit(
                                slug,
                                "Unrecorded selector bypass " + unique,
                                "A wildcard after a negation reads topics beyond the role.",
                                "late-" + unique + "@example.org",
                                "Grace Hopper " + unique);
        AdvisoryDrafts.acceptCase(stack, report);
        assignFromPool(slug, report, List.of(cveId), cveId);
        String advisoryId = AdvisoryDrafts.draft(stack, report.trackingId());
        AdvisoryDrafts.revise(stack, advisoryId, "Unrecorded bypass " + unique, cveId, "Complete")
                .then()
                .statusCode(200);
        liftEmbargoSoon(advisoryId);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> advisoryState(advisoryId).equals("published"));

        // The team marks the case published: the CNA clock starts.
        String caseId = Cases.idOf(stack, report);
        for (String state : List.of("fixing", "published")) {
            given().auth()
                    .oauth2(stack.staffTokens().of("coordinator"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("to", state, "reason", "The advisory is public"))
                    .when()
                    .post(triage("/api/v1/cases/" + caseId + "/transitions"))
                    .then()
                    .statusCode(200);
        }
        String limitDueAt =
                await().atMost(Duration.ofSeconds(30))
                        .until(
                                () ->
                                        deadlines(caseId)
                                                .extract()
                                                .path("find { it.step == 'cve_record' }.dueAt"),
                                dueAt -> dueAt != null);
        Instant limit = Instant.parse(limitDueAt);
        Instant target = limit.minus(Duration.ofHours(48));
        String subject = "[" + report.trackingId() + "] ";
        String targetWarning =
                subject + "Deadline approaching: CVE record (target: 24 h after disclosure)";
        String breach = subject + "Deadline missed: CVE record (72 h after disclosure)";

        stack.triageClock().moveTo(target.plus(Duration.ofHours(1)));
        awaitTeamMail(targetWarning);
        stack.triageClock().moveTo(limit.plus(Duration.ofHours(1)));
        awaitTeamMail(breach);
        stack.triageClock().moveTo(limit.plus(Duration.ofDays(3)));
        // Several scans later: the target warned about once and never missed, the limit missed
        // once.
        await().pollDelay(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(stack.mailbox().subjects(TEAM))
                                        .filteredOn(mail -> mail.startsWith(subject))
                                        .filteredOn(mail -> mail.contains("CVE record"))
                                        .containsOnlyOnce(targetWarning, breach)
                                        .doesNotContain(
                                                subject
                                                        + "Deadline missed: CVE record (target: 24"
                                                        + " h after disclosure)"));
        deadlines(caseId)
                .body("find { it.step == 'cve_record' }.standing", equalTo("breached"))
                .body("find { it.step == 'cve_record_target' }.standing", not(equalTo("breached")));
        assertThat(cveServices.record(cveId)).isEmpty();
    }

    /** Imports {@code ids} into the program's pool and gives the case the pool's lowest. */
    /**
     * Imports the IDs into the pool and assigns the case its lowest; when that one was reserved.
     */
    private String assignFromPool(
            String slug, SubmittedReport report, List<String> ids, String expected) {
        String reservedAt =
                given().auth()
                        .oauth2(stack.staffTokens().of("admin"))
                        .contentType(ContentType.JSON)
                        .body(Map.of("cveIds", ids))
                        .when()
                        .post(triage("/api/v1/programs/" + slug + "/cve-ids"))
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("find { it.cveId == '%s' }.reservedAt".formatted(expected));
        given().auth()
                .oauth2(stack.staffTokens().of("coordinator"))
                .contentType(ContentType.JSON)
                .body(Map.of())
                .when()
                .post(triage("/api/v1/cases/" + Cases.idOf(stack, report) + "/cve/assign"))
                .then()
                .statusCode(200)
                .body("cveId", equalTo(expected));
        return reservedAt;
    }

    /** Sets the advisory's embargo to lift in 15 seconds and returns when. */
    private Instant liftEmbargoSoon(String advisoryId) {
        Instant liftAt = Instant.now().plus(Duration.ofSeconds(15));
        given().auth()
                .oauth2(stack.staffTokens().of("coordinator"))
                .contentType(ContentType.JSON)
                .body(Map.of("liftAt", liftAt.toString()))
                .when()
                .put(advisory("/api/v1/advisories/" + advisoryId + "/embargo"))
                .then()
                .statusCode(200);
        return liftAt;
    }

    private String advisoryState(String advisoryId) {
        return given().auth()
                .oauth2(stack.staffTokens().of("publisher"))
                .when()
                .get(advisory("/api/v1/advisories/" + advisoryId))
                .then()
                .statusCode(200)
                .extract()
                .path("state");
    }

    private ValidatableResponse deadlines(String caseId) {
        return given().auth()
                .oauth2(stack.staffTokens().of("coordinator"))
                .when()
                .get(triage("/api/v1/cases/" + caseId + "/deadlines"))
                .then()
                .statusCode(200);
    }

    private void awaitTeamMail(String subject) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(stack.mailbox().subjects(TEAM)).contains(subject));
    }

    private String triage(String path) {
        return stack.serviceUrl("triage") + path;
    }

    private String advisory(String path) {
        return stack.serviceUrl("advisory") + path;
    }
}
