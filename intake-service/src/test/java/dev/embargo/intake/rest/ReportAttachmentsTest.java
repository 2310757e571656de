package dev.embargo.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.embargo.intake.support.IntakeDatabase;
import dev.embargo.intake.support.Programs;
import dev.embargo.intake.support.Researcher;
import dev.embargo.intake.support.Researcher.File;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Files reporters send: typed by content, limited, sealed at rest, handed back only to the report's
 * reporter.
 */
@QuarkusTest
class ReportAttachmentsTest {

    /** A 1×1 PNG, sent under a name that claims it is text. */
    static final byte[] PNG =
            Base64.getDecoder()
                    .decode(
                            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static final byte[] STEPS =
            "1. connect\n2. send the frame\n3. zebra-marker\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ELF = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    private final Researcher researcher = Researcher.fresh();

    @Inject IntakeDatabase database;

    @BeforeEach
    void seedPrograms() {
        Programs.publishSeeds();
    }

    @Test
    void filesAreTypedByTheirContentAndGoBackToTheReporterWithTheirDigest() throws Exception {
        Response accepted =
                researcher.submitWithFiles(
                        Researcher.report("moqtail"),
                        new File("notes.txt", "text/plain", PNG),
                        new File("steps.md", "application/octet-stream", STEPS));
        accepted.then().statusCode(201);
        String trackingId = accepted.path("trackingId");
        String token = accepted.path("reporterToken");

        JsonPath status =
                researcher
                        .status(trackingId, token)
                        .then()
                        .statusCode(200)
                        .body("attachments", hasSize(2))
                        .extract()
                        .jsonPath();
        assertThat(status.getString("attachments.find { it.name == 'notes.txt' }.mediaType"))
                .isEqualTo("image/png");
        assertThat(status.getString("attachments.find { it.name == 'steps.md' }.mediaType"))
                .startsWith("text/plain");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(PNG);
        assertThat(status.getString("attachments.find { it.name == 'notes.txt' }.sha256"))
                .isEqualTo(HexFormat.of().formatHex(digest));
        String pngId = status.getString("attachments.find { it.name == 'notes.txt' }.id");

        Response download =
                researcher
                        .withToken(token)
                        .when()
                        .get("/api/v1/reports/{id}/attachments/{file}", trackingId, pngId);
        download.then()
                .statusCode(200)
                .contentType(startsWith("image/png"))
                .header("Content-Disposition", startsWith("attachment;"))
                .header("X-Content-Type-Options", "nosniff")
                .header(
                        "Repr-Digest",
                        "sha-256=:" + Base64.getEncoder().encodeToString(digest) + ":");
        assertThat(download.asByteArray()).isEqualTo(PNG);
    }

    @Test
    void anotherReportsTokenNoTokenOrAnIdOfNothingGetTheSame404() {
        Response accepted =
                researcher.submitWithFiles(
                        Researcher.report("moqtail"), new File("a.png", "image/png", PNG));
        String trackingId = accepted.then().statusCode(201).extract().path("trackingId");
        String token = accepted.path("reporterToken");
        String fileId = researcher.status(trackingId, token).path("attachments[0].id");
        Researcher.Receipt other = researcher.submitted(Researcher.report("moqtail"));

        for (List<String> miss :
                List.of(
                        List.of(trackingId, other.token(), fileId),
                        List.of(other.trackingId(), other.token(), fileId),
                        List.of(trackingId, token, UUID.randomUUID().toString()),
                        List.of(trackingId, token, "not-a-uuid"))) {
            researcher
                    .withToken(miss.get(1))
                    .when()
                    .get("/api/v1/reports/{id}/attachments/{file}", miss.get(0), miss.get(2))
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
        researcher
                .request()
                .when()
                .get("/api/v1/reports/{id}/attachments/{file}", trackingId, fileId)
                .then()
                .statusCode(404);
    }

    @Test
    void aFileOfATypeNotAcceptedIsRefusedNamingIt() {
        researcher
                .submitWithFiles(
                        Researcher.report("moqtail"), new File("screenshot.png", "image/png", ELF))
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("detail", containsString("screenshot.png"));
    }

    @Test
    void aFileOverTheSizeLimitIsRefused() {
        File huge = new File("huge.txt", "text/plain", new byte[10 * 1024 * 1024 + 1]);
        researcher
                .submitWithFiles(Researcher.report("moqtail"), huge)
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("huge.txt"));
    }

    @Test
    void moreFilesThanOneUploadMayCarryAreRefused() {
        File[] six = new File[6];
        for (int i = 0; i < six.length; i++) {
            six[i] = new File("part-" + i + ".txt", "text/plain", STEPS);
        }
        researcher
                .submitWithFiles(Researcher.report("moqtail"), six)
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("title", equalTo("Too many attachments"));
    }

    @Test
    void anEmptyFileIsRefused() {
        researcher
                .submitWithFiles(
                        Researcher.report("moqtail"),
                        new File("empty.txt", "text/plain", new byte[0]))
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aRefusedUploadStoresNeitherTheReportNorItsOtherFiles() {
        long reports = database.count("SELECT count(*) FROM report");
        long files = database.count("SELECT count(*) FROM attachment");

        researcher
                .submitWithFiles(
                        Researcher.report("moqtail"),
                        new File("steps.txt", "text/plain", STEPS),
                        new File("x.png", "image/png", ELF))
                .then()
                .statusCode(415);

        assertThat(database.count("SELECT count(*) FROM report")).isEqualTo(reports);
        assertThat(database.count("SELECT count(*) FROM attachment")).isEqualTo(files);
    }

    @Test
    void aMultipartReportIsValidatedLikeAJsonOne() {
        Map<String, Object> report = Researcher.report("moqtail");
        report.remove("title");
        researcher
                .submitWithFiles(report, new File("steps.txt", "text/plain", STEPS))
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        researcher
                .submitWithFiles(
                        Researcher.report("no-such-program"),
                        new File("steps.txt", "text/plain", STEPS))
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void theReporterSendsFilesWithAMessageAndTheyJoinTheReportsList() {
        Researcher.Receipt receipt = researcher.submitted(Researcher.report("emek"));
        byte[] pcap = {
            (byte) 0xD4, (byte) 0xC3, (byte) 0xB2, (byte) 0xA1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0
        };

        researcher
                .withToken(receipt.token())
                .multiPart("text", "")
                .multiPart("file", "trace.pcap", pcap, "application/octet-stream")
                .when()
                .post("/api/v1/reports/{id}/messages", receipt.trackingId())
                .then()
                .statusCode(201)
                .body("text", equalTo(""));
        researcher
                .withToken(receipt.token())
                .multiPart("text", "")
                .when()
                .post("/api/v1/reports/{id}/messages", receipt.trackingId())
                .then()
                .statusCode(400)
                .contentType("application/problem+json");

        researcher
                .status(receipt.trackingId(), receipt.token())
                .then()
                .statusCode(200)
                .body("attachments.mediaType", equalTo(List.of("application/vnd.tcpdump.pcap")))
                .body("attachments[0].messageId", notNullValue());
    }

    @Test
    void namesAndContentAreSealedAtRest() {
        Response accepted =
                researcher.submitWithFiles(
                        Researcher.report("moqtail"),
                        new File("zebra-secret-name.txt", "text/plain", STEPS));
        String trackingId = accepted.then().statusCode(201).extract().path("trackingId");

        Map<String, Object> stored =
                database.row(
                        "SELECT a.sealed_name, a.sealed_content FROM attachment a"
                                + " JOIN report r ON r.id = a.report_id WHERE r.tracking_id = ?",
                        trackingId);
        assertThat((String) stored.get("sealed_name"))
                .startsWith("enc:v1:")
                .doesNotContain("zebra");
        assertThat(new String((byte[]) stored.get("sealed_content"), StandardCharsets.ISO_8859_1))
                .doesNotContain("zebra", "connect");
    }
}
