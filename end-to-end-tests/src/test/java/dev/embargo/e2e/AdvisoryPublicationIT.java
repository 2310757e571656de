package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.e2e.support.AdvisoryDrafts;
import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Mailbox;
import dev.embargo.e2e.support.Reporter.SubmittedReport;
import dev.embargo.e2e.support.RunningStack;
import dev.embargo.e2e.support.WebhookReceivers;
import dev.embargo.e2e.support.WebhookReceivers.Received;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pgpainless.PGPainless;
import org.pgpainless.decryption_verification.ConsumerOptions;
import org.pgpainless.decryption_verification.DecryptionStream;

/**
 * An advisory from an accepted case to the world: drafted and revised by a publisher, embargoed by
 * a coordinator, told to a partner group by signed and watermarked webhook, and published by itself
 * at the lift time. Before the lift, every public URL, feed, index and search is tried and shows
 * nothing of it; after, all of them show it, and the reporter is told.
 */
@ExtendWith(EmbargoStack.class)
class AdvisoryPublicationIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunningStack stack;
    private WebhookReceivers receivers;
    private String publisher;
    private String coordinator;

    @BeforeEach
    void staffAndReceivers(RunningStack runningStack) {
        stack = runningStack;
        receivers = new WebhookReceivers();
        publisher = stack.staffTokens().of("publisher");
        coordinator = stack.staffTokens().of("coordinator");
    }

    @AfterEach
    void stopReceivers() {
        receivers.close();
    }

    @Test
    void anAdvisoryIsEmbargoedToldToPartnersAndPublishedByItselfAtTheLiftTime() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String title = "Selector bypass " + unique;
        String credit = "Ada Lovelace " + unique;
        String cve = "CVE-1900-" + (10000 + (int) (Math.random() * 89999));
        String reporterEmail = "advisory-" + unique + "@example.org";
        SubmittedReport report =
                stack.reporter()
                        .submit(
                                "moqtail",
                                "Report of " + title,
                                "A wildcard after a negation reads " + "topics beyond the role.",
                                reporterEmail,
                                credit);

        // Drafted from the accepted case, then revised: every revision is kept.
        String advisoryId = AdvisoryDrafts.draftedFromAcceptedCase(stack, report);
        String publicId =
                given().auth()
                        .oauth2(publisher)
                        .when()
                        .get(advisories() + "/" + advisoryId)
                        .then()
                        .statusCode(200)
                        .body("content.title", equalTo("Report of " + title))
                        .extract()
                        .path("publicId");
        AdvisoryDrafts.revise(stack, advisoryId, title, cve, "First complete text")
                .then()
                .statusCode(200)
                .body("revision", equalTo(2))
                .body("content.cvssScore", equalTo(6.5f));
        given().auth()
                .oauth2(publisher)
                .when()
                .get(advisories() + "/" + advisoryId + "/revisions")
                .then()
                .statusCode(200)
                .body(
                        "changeSummary",
                        equalTo(
                                List.of(
                                        "Drafted from " + report.trackingId(),
                                        "First complete text")));

        // A partner of the program's "downstream-brokers" group, and the embargo.
        String partnerId = partner("Broker " + unique, List.of("downstream-brokers"));
        String secret = endpoint(partnerId, "/broker");
        String otherPartnerId = partner("Other broker " + unique, List.of("downstream-brokers"));
        String otherSecret = endpoint(otherPartnerId, "/other-broker");
        Instant liftAt = Instant.now().plus(Duration.ofSeconds(40));
        given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(Map.of("liftAt", liftAt.toString()))
                .when()
                .put(advisories() + "/" + advisoryId + "/embargo")
                .then()
                .statusCode(200)
                .body("state", equalTo("scheduled"));
        given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(Map.of("partnerGroups", List.of("downstream-brokers")))
                .when()
                .post(advisories() + "/" + advisoryId + "/pre-advisories")
                .then()
                .statusCode(201);

        // The partner's copy: signed with its secret, embargoed, watermarked; a leak of it names
        // the partner.
        await().atMost(Duration.ofSeconds(20)).until(() -> !receivers.at("/broker").isEmpty());
        Received told = receivers.at("/broker").get(0);
        assertThat(told.signedWith(secret)).isTrue();
        JsonNode data = JSON.readTree(told.body()).get("data");
        assertThat(data.get("title").asText()).isEqualTo(title);
        assertThat(data.get("tlp").asText()).isEqualTo("AMBER");
        assertThat(Instant.parse(data.get("embargoUntil").asText()))
                .isEqualTo(liftAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        String watermark = data.get("watermark").asText();
        assertThat(data.get("distribution").asText())
                .contains("Prepared for Broker " + unique, watermark);
        // The other partner's copy is its own: its name, its watermark, its secret.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !receivers.at("/other-broker").isEmpty());
        Received otherCopy = receivers.at("/other-broker").get(0);
        assertThat(otherCopy.signedWith(otherSecret)).isTrue();
        JsonNode otherData = JSON.readTree(otherCopy.body()).get("data");
        assertThat(otherData.get("distribution").asText())
                .contains("Prepared for Other broker " + unique);
        assertThat(otherData.get("watermark").asText()).isNotEqualTo(watermark);
        String leakedSummaryOnly = "Found on a paste site: " + data.get("summary").asText();
        given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(Map.of("text", leakedSummaryOnly))
                .when()
                .post(stack.serviceUrl("notify") + "/api/v1/leak-checks")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].partnerId", equalTo(partnerId))
                .body("[0].carriedAs", equalTo("invisible mark"));
        // By email too: the partner's contact gets a copy of its own, whose watermark names the
        // email if it leaks.
        String contact = contactOf("Broker " + unique);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !stack.mailbox().readOverImap(contact).isEmpty());
        Mailbox.ReceivedMail mailed = stack.mailbox().readOverImap(contact).get(0);
        assertThat(mailed.subject())
                .isEqualTo("Embargoed pre-advisory (TLP:AMBER): moqtail")
                .doesNotContain(title);
        assertThat(mailed.text())
                .contains(title, "Prepared for Broker " + unique)
                .doesNotContain(watermark);
        given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(Map.of("text", mailed.text()))
                .when()
                .post(stack.serviceUrl("notify") + "/api/v1/leak-checks")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].partnerId", equalTo(partnerId))
                .body("[0].channel", equalTo("email"));
        String otherContact = contactOf("Other broker " + unique);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !stack.mailbox().readOverImap(otherContact).isEmpty());
        assertThat(stack.mailbox().readOverImap(otherContact))
                .singleElement()
                .satisfies(
                        other ->
                                assertThat(other.text())
                                        .contains("Prepared for Other broker " + unique));

        // Before the lift: nothing of it anywhere public.
        assertThat(Instant.now()).isBefore(liftAt);
        assertNothingPublic(publicId, title, cve, credit);
        assertThat(Instant.now()).as("the checks above ran before the lift").isBefore(liftAt);

        // At the lift time it publishes itself.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> publicGet("/advisories/" + publicId).statusCode() == 200);
        assertThat(Instant.now()).isAfterOrEqualTo(liftAt);
        assertEverythingPublic(publicId, title, cve, credit);

        // The reporter hears of it, with the credit they asked for.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(stack.mailbox().subjects(reporterEmail))
                                        .contains(
                                                "["
                                                        + report.trackingId()
                                                        + "] The advisory for your report is"
                                                        + " published"));

        // A revision of a published advisory is published at once as version 2.
        AdvisoryDrafts.revise(stack, advisoryId, title, cve, "Fixed version corrected")
                .then()
                .statusCode(200);
        JsonNode csaf =
                JSON.readTree(publicGet("/advisories/" + publicId + "/csaf.json").asString());
        assertThat(csaf.at("/document/tracking/version").asText()).isEqualTo("2");
        assertThat(csaf.at("/document/tracking/revision_history").findValuesAsText("summary"))
                .containsExactly("Initial public release.", "Fixed version corrected");
        given().auth()
                .oauth2(publisher)
                .when()
                .get(advisories() + "/" + advisoryId + "/audit")
                .then()
                .statusCode(200)
                .body(
                        "action",
                        equalTo(
                                List.of(
                                        "drafted",
                                        "revised",
                                        "lift-scheduled",
                                        "pre-advisory-released",
                                        "published-at-lift-time",
                                        "revised")));

        // moqtail owes a post-mortem (seed 004): due 14 days after publication, then published and
        // linked.
        given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "summary",
                                "What happened " + unique,
                                "timeline",
                                "Reported, fixed, published.",
                                "rootCause",
                                "Negation not expanded " + unique,
                                "lessonsLearned",
                                "Fuzz the selector grammar."))
                .when()
                .put(advisories() + "/" + advisoryId + "/post-mortem")
                .then()
                .statusCode(200)
                .body("postMortemRequired", equalTo(true))
                .body("postMortemDueAt", org.hamcrest.Matchers.notNullValue());
        publicGet("/advisories/" + publicId + "/post-mortem")
                .then()
                .statusCode(200)
                .body(containsString("Negation not expanded " + unique));
        publicGet("/advisories/" + publicId)
                .then()
                .statusCode(200)
                .body(containsString("/advisories/" + publicId + "/post-mortem"));
        assertThat(
                        JSON.readTree(
                                        publicGet("/advisories/" + publicId + "/csaf.json")
                                                .asString())
                                .at("/document/references")
                                .findValuesAsText("summary"))
                .contains("Post-mortem");
    }

    private void assertNothingPublic(String publicId, String title, String cve, String credit) {
        String csafFile = publicId.toLowerCase() + ".json";
        String year = String.valueOf(java.time.Year.now(java.time.ZoneOffset.UTC).getValue());
        for (String path :
                List.of(
                        "/advisories/" + publicId,
                        "/advisories/" + publicId + "/osv.json",
                        "/advisories/" + publicId + "/cve.json",
                        "/advisories/" + publicId + "/csaf.json",
                        "/advisories/" + publicId + "/credits.md",
                        "/advisories/" + publicId + "/post-mortem",
                        "/.well-known/csaf/white/" + year + "/" + csafFile,
                        "/.well-known/csaf/white/" + year + "/" + csafFile + ".asc",
                        "/.well-known/csaf/white/" + year + "/" + csafFile + ".sha256",
                        "/.well-known/csaf/white/" + year + "/" + csafFile + ".sha512")) {
            publicGet(path).then().statusCode(404).contentType("application/problem+json");
        }
        for (String path :
                List.of(
                        "/advisories",
                        "/.well-known/csaf/white/index.txt",
                        "/.well-known/csaf/white/changes.csv",
                        "/.well-known/csaf/white/feed-tlp-white.json",
                        "/.well-known/csaf/provider-metadata.json",
                        "/programs/moqtail/advisories.atom",
                        "/programs/moqtail/hall-of-fame",
                        "/programs/moqtail/hall-of-fame.json",
                        "/api/v1/public/advisories",
                        "/api/v1/public/advisories?q=" + cve,
                        "/api/v1/public/advisories?q=" + publicId,
                        "/api/v1/public/advisories?program=moqtail&q=Selector")) {
            String body = publicGet(path).then().statusCode(200).extract().asString();
            assertThat(body).as(path).doesNotContain(publicId, csafFile, title, cve, credit);
        }
    }

    private void assertEverythingPublic(String publicId, String title, String cve, String credit)
            throws Exception {
        String csafFile = publicId.toLowerCase() + ".json";
        publicGet("/advisories/" + publicId)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", startsWith("default-src 'none'"))
                .body(containsString(title))
                .body(containsString(credit))
                .body(containsString(cve));
        JsonNode osv = JSON.readTree(publicGet("/advisories/" + publicId + "/osv.json").asString());
        assertThat(osv.get("id").asText()).isEqualTo("x_" + publicId);
        assertThat(osv.get("aliases").get(0).asText()).isEqualTo(cve);
        JsonNode cveRecord =
                JSON.readTree(publicGet("/advisories/" + publicId + "/cve.json").asString());
        assertThat(cveRecord.at("/cveMetadata/cveId").asText()).isEqualTo(cve);
        assertThat(publicGet("/advisories/" + publicId + "/credits.md").asString())
                .contains("Thanks to " + credit);

        // The CSAF distribution: listed in index.txt, changes.csv and the ROLIE feed; hashes and
        // signature check out.
        String path =
                publicGet("/.well-known/csaf/white/index.txt")
                        .asString()
                        .lines()
                        .filter(line -> line.endsWith("/" + csafFile))
                        .findFirst()
                        .orElseThrow();
        assertThat(publicGet("/.well-known/csaf/white/changes.csv").asString())
                .contains("\"" + path + "\"");
        assertThat(publicGet("/.well-known/csaf/white/feed-tlp-white.json").asString())
                .contains(path, title);
        Response document = publicGet("/.well-known/csaf/white/" + path);
        String csaf = document.asString();
        assertThat(JSON.readTree(csaf).at("/document/tracking/id").asText()).isEqualTo(publicId);
        assertThat(publicGet("/.well-known/csaf/white/" + path + ".sha256").asString())
                .startsWith(
                        HexFormat.of()
                                .formatHex(
                                        MessageDigest.getInstance("SHA-256")
                                                .digest(csaf.getBytes(StandardCharsets.UTF_8))));
        assertThat(publicGet("/.well-known/csaf/white/" + path + ".sha512").asString())
                .startsWith(
                        HexFormat.of()
                                .formatHex(
                                        MessageDigest.getInstance("SHA-512")
                                                .digest(csaf.getBytes(StandardCharsets.UTF_8))));
        JsonNode metadata =
                JSON.readTree(publicGet("/.well-known/csaf/provider-metadata.json").asString());
        String keyUrl = metadata.at("/public_openpgp_keys/0/url").asText();
        String publicKey = publicGet(keyUrl.substring(keyUrl.indexOf("/.well-known"))).asString();
        assertThat(
                        verifies(
                                publicGet("/.well-known/csaf/white/" + path + ".asc").asString(),
                                publicKey,
                                csaf))
                .isTrue();

        // Feeds, hall of fame and search.
        assertThat(publicGet("/programs/moqtail/advisories.atom").asString())
                .contains(publicId + ": " + title);
        assertThat(publicGet("/programs/moqtail/hall-of-fame").asString()).contains(credit);
        given().baseUri(advisoryUrl())
                .queryParam("q", cve)
                .when()
                .get("/api/v1/public/advisories")
                .then()
                .statusCode(200)
                .body("publicId", equalTo(List.of(publicId)));

        // Public reads are cacheable and answer 304 to a matching If-None-Match.
        String etag = document.header("ETag");
        assertThat(document.header("Cache-Control")).startsWith("public");
        given().baseUri(advisoryUrl())
                .header("If-None-Match", etag)
                .when()
                .get("/.well-known/csaf/white/" + path)
                .then()
                .statusCode(304);
    }

    private String partner(String name, List<String> groups) {
        return given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "name",
                                name,
                                "contactEmail",
                                contactOf(name),
                                "groups",
                                groups,
                                "programs",
                                List.of("moqtail")))
                .when()
                .post(stack.serviceUrl("notify") + "/api/v1/partners")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String contactOf(String partnerName) {
        return "psirt-"
                + partnerName.toLowerCase(java.util.Locale.ROOT).replace(' ', '-')
                + "@partner.example";
    }

    private String endpoint(String partnerId, String path) {
        return given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(Map.of("url", receivers.url(path)))
                .when()
                .post(stack.serviceUrl("notify") + "/api/v1/partners/" + partnerId + "/endpoints")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
    }

    private Response publicGet(String path) {
        return given().baseUri(advisoryUrl()).urlEncodingEnabled(false).when().get(path);
    }

    private String advisories() {
        return advisoryUrl() + "/api/v1/advisories";
    }

    private String advisoryUrl() {
        return stack.serviceUrl("advisory");
    }

    /** What a reader does with the {@code .asc} file and the published key. */
    private static boolean verifies(
            String armoredSignature, String armoredPublicKey, String content) throws Exception {
        PGPPublicKeyRing certificate = PGPainless.readKeyRing().publicKeyRing(armoredPublicKey);
        DecryptionStream verification =
                PGPainless.decryptAndOrVerify()
                        .onInputStream(
                                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)))
                        .withOptions(
                                ConsumerOptions.get()
                                        .forceNonOpenPgpData()
                                        .addVerificationCert(certificate)
                                        .addVerificationOfDetachedSignatures(
                                                new ByteArrayInputStream(
                                                        armoredSignature.getBytes(
                                                                StandardCharsets.US_ASCII))));
        verification.transferTo(OutputStream.nullOutputStream());
        verification.close();
        return verification.getMetadata().isVerifiedSignedBy(certificate);
    }
}
