package dev.embargo.intake.support;

import static io.restassured.RestAssured.given;

import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A researcher calling intake's public API. Intake limits each client's rate and the tests' stack
 * trusts 127.0.0.1 as a proxy (as the local stack does), so each researcher names its own address
 * in {@code X-Forwarded-For}; only a rate limit test speaks as one client many times.
 */
public final class Researcher {

    private static final AtomicInteger NEXT = new AtomicInteger(1);

    private final String address;

    private Researcher(String address) {
        this.address = address;
    }

    /** A researcher at an address no other has used in this run. */
    public static Researcher fresh() {
        int n = NEXT.getAndIncrement();
        return new Researcher("198.18." + (n / 250) + "." + (n % 250 + 1));
    }

    /** A researcher at the given address, e.g. one of a network's many. */
    public static Researcher at(String address) {
        return new Researcher(address);
    }

    /** The address this researcher's requests come from ({@code X-Forwarded-For}). */
    public String address() {
        return address;
    }

    /** A request from this researcher. */
    public RequestSpecification request() {
        return given().header("X-Forwarded-For", address);
    }

    /** A request from this researcher carrying the reporter token. */
    public RequestSpecification withToken(String token) {
        return request().header("Authorization", "Bearer " + token);
    }

    /** A valid report to the program, with a reporter email. */
    public static Map<String, Object> report(String program) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("program", program);
        body.put("title", "Broker crash with a crafted frame");
        body.put("description", "Send the frame twice; the broker falls over.");
        body.put("reporterEmail", "researcher-" + UUID.randomUUID() + "@example.org");
        return body;
    }

    /** Posts the JSON body to the report endpoint. */
    public Response submit(Map<String, Object> body) {
        return request().contentType("application/json").body(body).when().post("/api/v1/reports");
    }

    /** Posts raw bytes of the given type to the report endpoint. */
    public Response submitRaw(String contentType, byte[] body) {
        return request().contentType(contentType).body(body).when().post("/api/v1/reports");
    }

    /** Submits a report that must be accepted. */
    public Receipt submitted(Map<String, Object> body) {
        Response response = submit(body);
        response.then().statusCode(201);
        return new Receipt(response.path("trackingId"), response.path("reporterToken"));
    }

    /**
     * Submits a report with files: the report as JSON in the part 'report', each file in a part
     * 'file'.
     */
    public Response submitWithFiles(Map<String, Object> body, File... files) {
        RequestSpecification request =
                request()
                        .multiPart(
                                new MultiPartSpecBuilder(body)
                                        .controlName("report")
                                        .mimeType("application/json")
                                        .charset("UTF-8")
                                        .build());
        for (File file : files) {
            request.multiPart("file", file.name(), file.content(), file.declaredType());
        }
        return request.when().post("/api/v1/reports");
    }

    /** The report's status, with the token (none when null). */
    public Response status(String trackingId, String token) {
        return (token == null ? request() : withToken(token))
                .when()
                .get("/api/v1/reports/{id}", trackingId);
    }

    /** What intake answered to an accepted report. */
    public record Receipt(String trackingId, String token) {}

    /** A file to send, with the type the sender claims (which intake ignores). */
    public record File(String name, String declaredType, byte[] content) {}
}
