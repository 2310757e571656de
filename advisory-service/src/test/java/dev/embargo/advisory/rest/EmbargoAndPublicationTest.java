package dev.embargo.advisory.rest;

import static dev.embargo.advisory.AdvisoryFixtures.MOQTAIL;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.advisory.AdvisoryFixtures;
import dev.embargo.advisory.format.OfficialSchemas;
import dev.embargo.advisory.service.AdvisoryDetails;
import dev.embargo.kit.crypto.FieldCipher;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The embargo rule: nothing of an embargoed advisory is reachable publicly before its lift,
 * everything is at it, and the events announcing publication and pre-advisories are written with
 * the change itself. The service has no clock to drive: the lift time is moved in the database, and
 * the service's own scan (every second) publishes.
 */
@QuarkusTest
@TestSecurity(user = "ada", roles = "admin")
class EmbargoAndPublicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADVISORIES = "/api/v1/advisories/";

    @Inject AdvisoryFixtures fixtures;

    @Inject FieldCipher cipher;

    @Test
    void nothingOfAnEmbargoedAdvisoryIsPublicBeforeItsLiftAndEverythingIsAtIt() throws Exception {
        AdvisoryDetails scheduled =
                fixtures.scheduled(MOQTAIL, Instant.now().plus(Duration.ofDays(10)));
        String publicId = scheduled.advisory().publicId;
        String title = scheduled.content().title();
        String credit = "Ada Lovelace " + scheduled.advisory().trackingId;

        assertNothingPublic(publicId, title);
        assertThat(fixtures.outboxEvents("advisory.published.v1", scheduled)).isZero();

        // The lift time comes.
        fixtures.liftTimePassed(scheduled);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> given().when().get("/advisories/" + publicId).then().statusCode(200));

        assertThat(get("/advisories/" + publicId)).contains(title, credit);
        JsonNode csaf = JSON.readTree(get("/advisories/" + publicId + "/csaf.json"));
        assertThat(OfficialSchemas.violations(OfficialSchemas.CSAF, csaf)).isEmpty();
        assertThat(csaf.at("/document/tracking/id").asText()).isEqualTo(publicId);
        JsonNode osv = JSON.readTree(get("/advisories/" + publicId + "/osv.json"));
        assertThat(OfficialSchemas.violations(OfficialSchemas.OSV, osv)).isEmpty();
        JsonNode cve = JSON.readTree(get("/advisories/" + publicId + "/cve.json"));
        assertThat(OfficialSchemas.violations(OfficialSchemas.CVE, cve)).isEmpty();
        assertThat(cve.at("/cveMetadata/cveId").asText())
                .isEqualTo(scheduled.content().cveId())
                .startsWith("CVE-1900-");
        assertThat(get("/advisories/" + publicId + "/credits.md")).contains(credit);
        assertThat(get("/programs/moqtail/advisories.atom")).contains(publicId + ": " + title);
        assertThat(get("/.well-known/csaf/white/index.txt"))
                .contains(publicId.toLowerCase() + ".json");
        assertThat(get("/advisories/" + publicId + "/credits.md")).contains("Grace Hopper");
        // The hall of fame thanks finders and reporters, not the remediation developer.
        assertThat(get("/programs/moqtail/hall-of-fame.json"))
                .contains(credit)
                .doesNotContain("Grace Hopper");
        given().queryParam("q", publicId)
                .when()
                .get("/api/v1/public/advisories")
                .then()
                .statusCode(200)
                .body("publicId", equalTo(List.of(publicId)));
        assertThat(fixtures.outboxEvents("advisory.published.v1", scheduled)).isEqualTo(1);
        // CVE Services' answer may add an entry after these.
        assertThat(
                        given().when()
                                .get(ADVISORIES + scheduled.advisory().id + "/audit")
                                .then()
                                .extract()
                                .jsonPath()
                                .getList("action", String.class))
                .startsWith("drafted", "revised", "lift-scheduled", "published-at-lift-time");
    }

    @Test
    void anAdvisoryScheduledASecondAheadPublishesItselfAtItsLift() {
        AdvisoryDetails complete = fixtures.complete(MOQTAIL);
        Instant lift = Instant.now().plus(Duration.ofSeconds(2));
        String advisory = ADVISORIES + complete.advisory().id;
        send("PUT", advisory + "/embargo", Map.of("liftAt", lift.toString())).statusCode(200);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().when()
                                        .get(advisory)
                                        .then()
                                        .body("state", equalTo("published")));
        assertThat(Instant.now()).isAfterOrEqualTo(lift);
        get("/advisories/" + complete.advisory().publicId + "/osv.json");
    }

    @Test
    void anEarlyBreakPublishesAtOnceAndIsAuditedWithItsReason() {
        AdvisoryDetails scheduled =
                fixtures.scheduled(MOQTAIL, Instant.now().plus(Duration.ofDays(20)));
        String publicId = scheduled.advisory().publicId;
        given().when().get("/advisories/" + publicId).then().statusCode(404);

        String reason = "Exploitation seen by a CERT";
        send(
                        "POST",
                        ADVISORIES + scheduled.advisory().id + "/early-break",
                        Map.of("reason", reason))
                .statusCode(200)
                .body("state", equalTo("published"))
                .body("earlyBreak", equalTo(true));

        assertThat(get("/advisories/" + publicId)).contains("actively exploited");
        given().when()
                .get(ADVISORIES + scheduled.advisory().id + "/audit")
                .then()
                .statusCode(200)
                .body("find { it.action == 'early-break' }.actor", equalTo("ada"))
                .body("find { it.action == 'early-break' }.detail", equalTo(reason));
        assertThat(get("/.well-known/csaf/white/index.txt"))
                .contains(publicId.toLowerCase() + ".json");
        assertThat(fixtures.outboxEvents("advisory.published.v1", scheduled)).isEqualTo(1);
    }

    @Test
    void anEarlyBreakOfIncompleteContentChangesNothingAndAnnouncesNothing() {
        AdvisoryDetails draft = fixtures.drafted(MOQTAIL);

        send(
                        "POST",
                        ADVISORIES + draft.advisory().id + "/early-break",
                        Map.of("reason", "Exploited"))
                .statusCode(422)
                .contentType("application/problem+json");

        given().when().get(ADVISORIES + draft.advisory().id).then().body("state", equalTo("draft"));
        assertThat(fixtures.outboxEvents("advisory.published.v1", draft)).isZero();
        given().when().get("/advisories/" + draft.advisory().publicId).then().statusCode(404);
    }

    @Test
    void aRevisionOfAPublishedAdvisoryIsPublishedAtOnceAsItsNextVersion() throws Exception {
        AdvisoryDetails scheduled =
                fixtures.scheduled(MOQTAIL, Instant.now().plus(Duration.ofDays(20)));
        String advisory = ADVISORIES + scheduled.advisory().id;
        send("POST", advisory + "/early-break", Map.of("reason", "Exploited")).statusCode(200);

        send(
                        "PUT",
                        advisory,
                        Map.of(
                                "title",
                                scheduled.content().title(),
                                "summary",
                                "Reads beyond the role.",
                                "description",
                                "A wildcard after a negation.",
                                "remediation",
                                "Upgrade to 0.1.5.",
                                "affected",
                                List.of(
                                        Map.of(
                                                "product",
                                                "moqtail-broker",
                                                "introduced",
                                                "0.1.0",
                                                "fixed",
                                                "0.1.5")),
                                "changeSummary",
                                "Fixed version corrected"))
                .statusCode(200);

        JsonNode csaf =
                JSON.readTree(get("/advisories/" + scheduled.advisory().publicId + "/csaf.json"));
        assertThat(csaf.at("/document/tracking/version").asText()).isEqualTo("2");
        assertThat(csaf.at("/document/tracking/revision_history").findValuesAsText("summary"))
                .containsExactly("Initial public release.", "Fixed version corrected");
        assertThat(fixtures.outboxEvents("advisory.published.v1", scheduled)).isEqualTo(2);
        // Published content must stay complete.
        send("PUT", advisory, Map.of("title", "Only a title", "changeSummary", "Emptied"))
                .statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void aPreAdvisoryIsKeptSealedAndAnnouncedInTheSameTransaction() throws Exception {
        AdvisoryDetails scheduled =
                fixtures.scheduled(MOQTAIL, Instant.now().plus(Duration.ofDays(3)));

        String id =
                send(
                                "POST",
                                ADVISORIES + scheduled.advisory().id + "/pre-advisories",
                                Map.of("partnerGroups", List.of("downstream-brokers")))
                        .statusCode(201)
                        .extract()
                        .path("id");

        assertThat(fixtures.count("select count(*) from pre_advisory where id = ?::uuid", id))
                .isEqualTo(1);
        List<String> released = releasedEvents(id);
        assertThat(released).hasSize(1);
        JsonNode event = JSON.readTree(released.getFirst());
        assertThat(event.get("partnerGroups")).hasSize(1);
        assertThat(event.toString()).doesNotContain(scheduled.content().title());
        JsonNode told = JSON.readTree(cipher.open(event.get("sealedDocument").asText()));
        // Partners may act on it but not publish it; nothing names the reporter.
        assertThat(told.get("tlp").asText()).isEqualTo("AMBER");
        assertThat(told.get("advisory").asText()).isEqualTo(scheduled.advisory().publicId);
        assertThat(told.get("title").asText()).isEqualTo(scheduled.content().title());
        assertThat(Instant.parse(told.get("embargoUntil").asText()))
                .isEqualTo(scheduled.advisory().liftAt.toInstant());
        assertThat(told.toString()).doesNotContain("Ada Lovelace");
        given().when()
                .get("/api/v1/pre-advisories?size=500")
                .then()
                .statusCode(200)
                .body("id", hasItem(id));
        assertNothingPublic(scheduled.advisory().publicId, scheduled.content().title());
    }

    @Test
    void movingTheLiftAfterAPreAdvisoryTellsItsPartnersTheNewTimeOnceAndAuditsIt()
            throws Exception {
        Instant firstLift = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        AdvisoryDetails scheduled = fixtures.scheduled(MOQTAIL, firstLift);
        String advisory = ADVISORIES + scheduled.advisory().id;
        String preAdvisory =
                send(
                                "POST",
                                advisory + "/pre-advisories",
                                Map.of("partnerGroups", List.of("downstream-brokers")))
                        .statusCode(201)
                        .extract()
                        .path("id");
        Instant movedLift = firstLift.plus(Duration.ofDays(1));

        send("PUT", advisory + "/embargo", Map.of("liftAt", movedLift.toString())).statusCode(200);
        send("PUT", advisory + "/embargo", Map.of("liftAt", movedLift.toString())).statusCode(200);
        send(
                        "PUT",
                        advisory + "/embargo",
                        Map.of("liftAt", Instant.now().plus(Duration.ofDays(30)).toString()))
                .statusCode(422);

        List<String> moves =
                fixtures.texts(
                        "select payload from outbox_event where event_type = ? and event_key = ?",
                        "preadvisory.lift.moved.v1",
                        preAdvisory);
        assertThat(moves).hasSize(1);
        JsonNode move = JSON.readTree(moves.getFirst());
        assertThat(Instant.parse(move.get("embargoUntil").asText())).isEqualTo(movedLift);
        assertThat(Instant.parse(move.get("previousEmbargoUntil").asText())).isEqualTo(firstLift);
        given().when()
                .get(advisory + "/audit")
                .then()
                .statusCode(200)
                .body(
                        "detail",
                        hasItem("Lift at " + movedLift + "; partners of 1 pre-advisories told"));
    }

    @Test
    void theProgramsLegalDisclaimerAndNotesReachThePublishedCsafDocument() throws Exception {
        fixtures.programKnown(
                "disclaiming",
                """
                apiVersion: embargo.dev/program/v2
                slug: disclaiming
                name: Disclaiming
                channels: [{ type: hackerone, url: "https://hackerone.com/disclaiming" }]
                policy:
                  deadlines: { disclosure: 30d }
                  disclosure:
                    legalDisclaimer: Provided as is, without warranty of any kind.
                    advisoryNotes:
                      - { category: faq, title: Questions, text: Write to security@disclaiming.example. }
                """);
        AdvisoryDetails scheduled =
                fixtures.scheduled("disclaiming", Instant.now().plus(Duration.ofDays(20)));
        String publicId = scheduled.advisory().publicId;

        fixtures.liftTimePassed(scheduled);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> given().when().get("/advisories/" + publicId).then().statusCode(200));

        JsonNode csaf = JSON.readTree(get("/advisories/" + publicId + "/csaf.json"));
        assertThat(OfficialSchemas.violations(OfficialSchemas.CSAF, csaf)).isEmpty();
        assertThat(csaf.at("/document/notes"))
                .filteredOn(note -> note.path("category").asText().equals("legal_disclaimer"))
                .singleElement()
                .satisfies(
                        note ->
                                assertThat(note.path("text").asText())
                                        .isEqualTo(
                                                "Provided as is, without warranty of any kind."));
        assertThat(csaf.at("/document/notes"))
                .filteredOn(note -> note.path("category").asText().equals("faq"))
                .singleElement()
                .satisfies(
                        note ->
                                assertThat(note.path("text").asText())
                                        .isEqualTo("Write to security@disclaiming.example."));
    }

    @Test
    void aPartnerGroupWhosePolicyStatesNoMaximumIsToldAndTheLiftMovesWithoutOne() {
        fixtures.programKnown(
                "no-maximum",
                """
                apiVersion: embargo.dev/program/v2
                slug: no-maximum
                name: No maximum
                channels: [{ type: hackerone, url: "https://hackerone.com/no-maximum" }]
                policy:
                  deadlines: { disclosure: 30d }
                  disclosure:
                    partnerGroups: [{ id: distros, notices: [{ before: 7d }] }]
                """);
        AdvisoryDetails scheduled =
                fixtures.scheduled("no-maximum", Instant.now().plus(Duration.ofDays(20)));
        String advisory = ADVISORIES + scheduled.advisory().id;

        send("POST", advisory + "/pre-advisories", Map.of("partnerGroups", List.of("distros")))
                .statusCode(201);
        send(
                        "PUT",
                        advisory + "/embargo",
                        Map.of("liftAt", Instant.now().plus(Duration.ofDays(25)).toString()))
                .statusCode(200);
    }

    @Test
    void aFreeStandingPreAdvisoryIsAnnouncedWithItsDocumentSealed() throws Exception {
        String id =
                send(
                                "POST",
                                "/api/v1/pre-advisories",
                                Map.of(
                                        "program",
                                        MOQTAIL,
                                        "title",
                                        "Heads-up on selectors",
                                        "summary",
                                        "Patch coming.",
                                        "embargoUntil",
                                        Instant.now().plus(Duration.ofDays(2)).toString(),
                                        "partnerGroups",
                                        List.of("distributions")))
                        .statusCode(201)
                        .extract()
                        .path("id");

        List<String> released = releasedEvents(id);
        assertThat(released).singleElement().asString().doesNotContain("Heads-up on selectors");
        JsonNode told =
                JSON.readTree(
                        cipher.open(
                                JSON.readTree(released.getFirst()).get("sealedDocument").asText()));
        assertThat(told.get("title").asText()).isEqualTo("Heads-up on selectors");
    }

    private List<String> releasedEvents(String preAdvisoryId) {
        return fixtures.texts(
                "select payload from outbox_event where event_type = ? and event_key = ?",
                "preadvisory.released.v1",
                preAdvisoryId);
    }

    private static ValidatableResponse send(String method, String path, Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body).when().request(method, path).then();
    }

    private static String get(String path) {
        return given().urlEncodingEnabled(false)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static void assertNothingPublic(String publicId, String title) {
        String csafFile = publicId.toLowerCase() + ".json";
        String csafPath =
                "/.well-known/csaf/white/" + Year.now(ZoneOffset.UTC).getValue() + "/" + csafFile;
        String page = "/advisories/" + publicId;
        for (String path :
                List.of(
                        page,
                        page + "/osv.json",
                        page + "/cve.json",
                        page + "/csaf.json",
                        page + "/credits.md",
                        page + "/post-mortem",
                        csafPath,
                        csafPath + ".asc",
                        csafPath + ".sha256")) {
            given().urlEncodingEnabled(false)
                    .when()
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
        for (String path :
                List.of(
                        "/advisories",
                        "/.well-known/csaf/white/index.txt",
                        "/.well-known/csaf/white/changes.csv",
                        "/.well-known/csaf/white/feed-tlp-white.json",
                        "/programs/moqtail/advisories.atom",
                        "/programs/moqtail/hall-of-fame.json",
                        "/api/v1/public/advisories?q=" + publicId,
                        "/api/v1/public/advisories?program=moqtail")) {
            assertThat(get(path)).as(path).doesNotContain(publicId, csafFile, title);
        }
    }
}
