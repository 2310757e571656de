package dev.embargo.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.Reporter;
import dev.embargo.e2e.support.RunningStack;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gets a clear 4xx problem+json from the running intake, never a 5xx. */
@ExtendWith(EmbargoStack.class)
class BadInputIT {

    private static final String JSON = "application/json";
    private static Reporter reporter;

    @BeforeAll
    static void connect(RunningStack stack) {
        reporter = stack.reporter();
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("truncated JSON", JSON, "{\"program\":", 400),
                Arguments.of("not JSON at all", JSON, "program=pea2pea", 400),
                Arguments.of("a JSON array", JSON, "[]", 400),
                Arguments.of("JSON null", JSON, "null", 400),
                Arguments.of("an empty body", JSON, "", 400),
                Arguments.of("a title of the wrong type", JSON,
                        "{\"program\":\"pea2pea\",\"title\":[1],\"description\":\"d\"}", 400),
                Arguments.of("an unknown field", JSON,
                        "{\"program\":\"pea2pea\",\"title\":\"t\",\"description\":\"d\",\"admin\":true}", 400),
                Arguments.of("an invalid escape", JSON, "{\"program\":\"pea2pea\",\"title\":\"\\x41\",\"description\":\"d\"}", 400),
                Arguments.of("XML", "application/xml", "<report/>", 415));
    }

    @ParameterizedTest(name = "{0} → {3}")
    @MethodSource("malformedBodies")
    void malformedBodiesAreRefusedWithAProblem(String what, String contentType, String body, int status) {
        assertProblem(reporter.postRaw(contentType, body.getBytes(StandardCharsets.UTF_8)), status);
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithAProblem() {
        byte[] body = "{\"program\":\"pea2pea\",\"title\":\"?\",\"description\":\"d\"}".getBytes(StandardCharsets.UTF_8);
        body[30] = (byte) 0xff;
        assertProblem(reporter.postRaw(JSON, body), 400);
    }

    /** PostgreSQL cannot store NUL in text; a field that reached it with one was a 500. */
    @ParameterizedTest(name = "NUL in {0}")
    @MethodSource("textFields")
    void aNulCharacterInAnyTextFieldIsRefusedNamingTheField(String field) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("program", "pea2pea", "title", "t", "description", "d"));
        body.put(field, "before\u0000after");

        Response response = reporter.post(body);

        assertProblem(response, 400);
        assertThat(response.jsonPath().getString("detail")).contains("NUL").contains(field);
    }

    static Stream<String> textFields() {
        return Stream.of("title", "description", "creditName", "affectedVersion", "reporterEmail");
    }

    @Test
    void missingFieldsAreEachNamed() {
        Response response = reporter.post(Map.of("program", "pea2pea"));
        assertProblem(response, 400);
        response.then().body("errors.field", hasItem("title")).body("errors.field", hasItem("description"));
    }

    @Test
    void oversizedFieldsAreNamedWithTheirLimit() {
        Map<String, Object> body = validReport();
        body.put("title", "x".repeat(201));
        Response response = reporter.post(body);
        assertProblem(response, 400);
        response.then().body("errors[0].field", equalTo("title"));
    }

    @Test
    void anInvalidEmailAddressIsRefused() {
        Map<String, Object> body = validReport();
        body.put("reporterEmail", "not-an-address");
        assertProblem(reporter.post(body), 400);
    }

    @Test
    void aBodyOverTheSizeLimitIsRefusedBeforeItIsRead() {
        Map<String, Object> body = validReport();
        body.put("description", "x".repeat(70_000));
        assertProblem(reporter.post(body), 413);
    }

    @Test
    void anUnknownProgramIsATypedProblem() {
        Map<String, Object> body = validReport();
        body.put("program", "no-such-program");
        Response response = reporter.post(body);
        assertProblem(response, 422);
        response.then().body("type", equalTo("https://embargo.dev/problems/unknown-program"));
    }

    private static Map<String, Object> validReport() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("program", "pea2pea");
        body.put("title", "A title");
        body.put("description", "A description");
        return body;
    }

    private static void assertProblem(Response response, int status) {
        response.then().statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
        assertThat(response.jsonPath().getString("title")).isNotBlank();
    }
}
