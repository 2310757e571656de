package dev.embargo.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Reporter;
import dev.embargo.e2e.support.Reporter.File;
import dev.embargo.e2e.support.RunningStack;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Files reporters send with a report or a message: typed by their content, limited in size and
 * number, sealed in intake's database, and handed only to the reporter and to staff of the program.
 */
@ExtendWith(EmbargoStack.class)
class AttachmentsIT {

    /** A 1×1 PNG, sent under a name that claims it is text. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    private static final byte[] STEPS = "1. connect\n2. send the frame\n3. watch the broker fall over: zebra-marker\n"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] ELF = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    private RunningStack stack;
    private Reporter reporter;

    @BeforeEach
    void stack(RunningStack runningStack) {
        stack = runningStack;
        reporter = stack.reporter();
    }

    @Test
    void aReportsFilesAreTypedByTheirContentAndGoBackOnlyToItsReporter() throws Exception {
        Response accepted = reporter.submitWithFiles(report("moqtail"),
                new File("notes.txt", "text/plain", PNG), new File("steps.md", "application/octet-stream", STEPS));
        accepted.then().statusCode(201);
        String trackingId = accepted.path("trackingId");
        String token = accepted.path("reporterToken");

        JsonPath status = reporter.status(trackingId, token).then().statusCode(200).body("attachments", hasSize(2))
                .extract().jsonPath();
        assertThat(status.getString("attachments.find { it.name == 'notes.txt' }.mediaType")).isEqualTo("image/png");
        assertThat(status.getString("attachments.find { it.name == 'steps.md' }.mediaType")).startsWith("text/plain");
        String pngId = status.getString("attachments.find { it.name == 'notes.txt' }.id");

        Response download = reporter.download(trackingId, token, pngId);
        download.then().statusCode(200).contentType(startsWith("image/png"))
                .header("Content-Disposition", startsWith("attachment;"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(sha256(PNG)) + ":");
        assertThat(download.asByteArray()).isEqualTo(PNG);
        assertThat(status.getString("attachments.find { it.name == 'notes.txt' }.sha256")).isEqualTo(HexFormat.of().formatHex(sha256(PNG)));

        // Another report's token, no token, an id of nothing: the same 404.
        Response other = reporter.submitWithFiles(report("moqtail"), new File("a.txt", "text/plain", STEPS));
        reporter.download(trackingId, other.path("reporterToken"), pngId).then().statusCode(404).contentType("application/problem+json");
        reporter.download(other.path("trackingId"), other.path("reporterToken"), pngId).then().statusCode(404);
        reporter.download(trackingId, token, UUID.randomUUID().toString()).then().statusCode(404);
        reporter.download(trackingId, token, "../../etc/passwd").then().statusCode(404);
    }

    @Test
    void staffOfTheProgramListAndDownloadTheFilesAndNoOneElseDoes() {
        Response accepted = reporter.submitWithFiles(report("moqtail"), new File("capture.png", "image/png", PNG));
        String trackingId = accepted.then().statusCode(201).extract().path("trackingId");
        String staffFiles = stack.serviceUrl("intake") + "/api/v1/staff/reports/" + trackingId + "/attachments";

        String id = given().auth().oauth2(stack.staffTokens().of("triager")).when().get(staffFiles).then().statusCode(200)
                .body("name", equalTo(java.util.List.of("capture.png"))).body("mediaType[0]", equalTo("image/png"))
                .extract().path("[0].id");
        byte[] content = given().auth().oauth2(stack.staffTokens().of("coordinator")).when().get(staffFiles + "/" + id)
                .then().statusCode(200).extract().asByteArray();
        assertThat(content).isEqualTo(PNG);

        // A triager limited to emek does not see moqtail's report at all; a publisher is no case worker.
        given().auth().oauth2(stack.staffTokens().of("triager-emek")).when().get(staffFiles + "/" + id).then().statusCode(404);
        given().auth().oauth2(stack.staffTokens().of("publisher")).when().get(staffFiles).then().statusCode(403);
        given().when().get(staffFiles + "/" + id).then().statusCode(401);
    }

    @Test
    void filesAreRefusedByWhatTheyContainHowLargeAndHowManyTheyAre() {
        reporter.submitWithFiles(report("moqtail"), new File("screenshot.png", "image/png", ELF)).then().statusCode(415)
                .contentType("application/problem+json").body("detail", containsString("screenshot.png"));
        reporter.submitWithFiles(report("moqtail"), new File("huge.txt", "text/plain", new byte[10 * 1024 * 1024 + 1]))
                .then().statusCode(413).contentType("application/problem+json");
        File[] six = new File[6];
        for (int i = 0; i < six.length; i++) {
            six[i] = new File("part-" + i + ".txt", "text/plain", STEPS);
        }
        reporter.submitWithFiles(report("moqtail"), six).then().statusCode(413).body("title", equalTo("Too many attachments"));
        reporter.submitWithFiles(report("moqtail"), new File("empty.txt", "text/plain", new byte[0])).then().statusCode(400);
        // JSON bodies keep their own small limit: only multipart uploads may be large.
        Map<String, Object> large = report("moqtail");
        large.put("description", "x".repeat(100_000));
        reporter.post(large).then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void theReporterSendsFilesWithAMessageAndTheyJoinTheReportsList() {
        Response accepted = reporter.submitWithFiles(report("emek"));
        String trackingId = accepted.then().statusCode(201).extract().path("trackingId");
        String token = accepted.path("reporterToken");
        byte[] pcap = {(byte) 0xD4, (byte) 0xC3, (byte) 0xB2, (byte) 0xA1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0};

        reporter.writeWithFiles(trackingId, token, "", new File("trace.pcap", "application/octet-stream", pcap))
                .then().statusCode(201).body("text", equalTo(""));
        reporter.writeWithFiles(trackingId, token, "").then().statusCode(400).contentType("application/problem+json");

        reporter.status(trackingId, token).then().statusCode(200)
                .body("attachments.mediaType", equalTo(java.util.List.of("application/vnd.tcpdump.pcap")))
                .body("attachments[0].messageId", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void namesAndContentAreSealedInIntakesDatabase() throws Exception {
        reporter.submitWithFiles(report("moqtail"), new File("zebra-secret-name.txt", "text/plain", STEPS)).then().statusCode(201);

        try (Connection db = stack.database("intake");
             PreparedStatement query = db.prepareStatement("SELECT sealed_name, sealed_content FROM attachment");
             ResultSet rows = query.executeQuery()) {
            int seen = 0;
            while (rows.next()) {
                seen++;
                assertThat(rows.getString(1)).startsWith("enc:v1:").doesNotContain("zebra");
                assertThat(new String(rows.getBytes(2), StandardCharsets.ISO_8859_1)).doesNotContain("zebra-marker", "connect");
            }
            assertThat(seen).isPositive();
        }
    }

    private static Map<String, Object> report(String program) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("program", program);
        body.put("title", "Broker crash with a crafted frame");
        body.put("description", "Steps and capture attached. Impact: remote crash.");
        body.put("reporterEmail", "files-" + UUID.randomUUID() + "@example.org");
        return body;
    }

    private static byte[] sha256(byte[] content) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(content);
    }
}
