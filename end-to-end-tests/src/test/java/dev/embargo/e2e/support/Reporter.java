package dev.embargo.e2e.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** A researcher using intake's public API, as the README's curl example does. */
public final class Reporter {

    private final String intakeUrl;

    public Reporter(String intakeUrl) {
        this.intakeUrl = intakeUrl;
    }

    /**
     * A request from a client of its own: intake limits each client's rate, and the test stack
     * trusts 127.0.0.1 as a proxy, so a fresh {@code X-Forwarded-For} makes each call a different
     * researcher. RateLimitIT speaks as one client on purpose.
     */
    private io.restassured.specification.RequestSpecification client() {
        java.util.concurrent.ThreadLocalRandom random =
                java.util.concurrent.ThreadLocalRandom.current();
        return given().baseUri(intakeUrl)
                .header(
                        "X-Forwarded-For",
                        "198.18."
                                + random.nextInt(256)
                                + "."
                                + random.nextInt(1, 255)
                                + ", 127.0.0.1");
    }

    /** Submits a report and expects intake to accept it. */
    public SubmittedReport submit(String program, String title, String reporterEmail) {
        return submit(
                program,
                title,
                "Steps to reproduce: send a crafted frame. Impact: remote crash.",
                reporterEmail,
                "E2E Researcher");
    }

    /**
     * Submits a report with its own description and credit name (null: anonymous), and expects
     * intake to accept it.
     */
    public SubmittedReport submit(
            String program,
            String title,
            String description,
            String reporterEmail,
            String creditName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("program", program);
        body.put("title", title);
        body.put("description", description);
        body.put("reporterEmail", reporterEmail);
        if (creditName != null) {
            body.put("creditName", creditName);
        }
        Response response = post(body);
        response.then().statusCode(201);
        return new SubmittedReport(
                response.path("trackingId"),
                response.path("statusUrl"),
                response.path("reporterToken"),
                reporterEmail);
    }

    /** Sends any body, raw, to the submission endpoint. */
    public Response postRaw(String contentType, byte[] body) {
        return client().contentType(contentType).body(body).when().post("/api/v1/reports");
    }

    public Response post(Map<String, Object> body) {
        return client().contentType(ContentType.JSON).body(body).when().post("/api/v1/reports");
    }

    /** The report's status as its reporter sees it; {@code token} may be null to send none. */
    public Response status(String trackingId, String token) {
        var request = client();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.when().get("/api/v1/reports/{trackingId}", trackingId);
    }

    /** The reporter writes to the security team through the status link. */
    public Response write(String trackingId, String token, String text) {
        var request = client().contentType(ContentType.JSON).body(Map.of("text", text));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.when().post("/api/v1/reports/{trackingId}/messages", trackingId);
    }

    /** The reporter escalates a late promised step through the status link. */
    public Response escalate(String trackingId, String token, String step, String message) {
        return client().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + token)
                .body(Map.of("step", step, "message", message))
                .when()
                .post("/api/v1/reports/{trackingId}/escalations", trackingId);
    }

    /**
     * Submits a report with files in one multipart request: the report as JSON in 'report', each
     * file in 'file'.
     */
    public Response submitWithFiles(Map<String, Object> report, File... files) {
        var request =
                client().multiPart(
                                new io.restassured.builder.MultiPartSpecBuilder(report)
                                        .controlName("report")
                                        .mimeType("application/json")
                                        .charset("UTF-8")
                                        .build());
        for (File file : files) {
            request.multiPart("file", file.name(), file.content(), file.declaredType());
        }
        return request.when().post("/api/v1/reports");
    }

    /** The reporter writes to the team with files; {@code text} may be empty. */
    public Response writeWithFiles(String trackingId, String token, String text, File... files) {
        var request = client().header("Authorization", "Bearer " + token).multiPart("text", text);
        for (File file : files) {
            request.multiPart("file", file.name(), file.content(), file.declaredType());
        }
        return request.when().post("/api/v1/reports/{trackingId}/messages", trackingId);
    }

    /** Downloads one of the report's files with the reporter token. */
    public Response download(String trackingId, String token, String attachmentId) {
        return client().header("Authorization", "Bearer " + token)
                .when()
                .get("/api/v1/reports/{trackingId}/attachments/{id}", trackingId, attachmentId);
    }

    /** A file to send, with the type the sender claims (which intake ignores). */
    public record File(String name, String declaredType, byte[] content) {}

    /** The reporter replaces their token. */
    public Response rotateToken(String trackingId, String token) {
        return client().header("Authorization", "Bearer " + token)
                .when()
                .post("/api/v1/reports/{trackingId}/token", trackingId);
    }

    /** What intake answered to an accepted report. */
    public record SubmittedReport(
            String trackingId, String statusUrl, String reporterToken, String reporterEmail) {}
}
