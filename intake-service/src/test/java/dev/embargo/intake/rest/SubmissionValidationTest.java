package dev.embargo.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.embargo.intake.support.OpenPgpKeys;
import dev.embargo.intake.support.Programs;
import dev.embargo.intake.support.Researcher;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every bad submission gets a 4xx application/problem+json saying what is wrong, never a 5xx. */
@QuarkusTest
class SubmissionValidationTest {

    private static final String JSON = "application/json";
    private static final String PROGRAM_WITH_KEY = "pgp-lab";
    private static OpenPgpKeys programKey;

    @BeforeEach
    void programs() {
        Programs.publishSeeds();
        if (programKey == null) {
            programKey = OpenPgpKeys.generate("PGP lab <security@pgp-lab.example>");
            String armoredKey = programKey.armored();
            Programs.publish(
                    Programs.copyOfPea2pea(PROGRAM_WITH_KEY, programKey.fingerprint(), armoredKey),
                    1);
            await().untilAsserted(
                            () ->
                                    given().when()
                                            .get(
                                                    "/api/v1/programs/"
                                                            + PROGRAM_WITH_KEY
                                                            + "/openpgp-key.asc")
                                            .then()
                                            .statusCode(200));
        }
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("truncated JSON", JSON, "{\"program\":", 400),
                Arguments.of("not JSON at all", JSON, "program=pea2pea", 400),
                Arguments.of("a JSON array", JSON, "[]", 400),
                Arguments.of("JSON null", JSON, "null", 400),
                Arguments.of("an empty body", JSON, "", 400),
                Arguments.of(
                        "a title of the wrong type",
                        JSON,
                        "{\"program\":\"pea2pea\",\"title\":[1],\"description\":\"d\"}",
                        400),
                Arguments.of(
                        "an unknown field",
                        JSON,
                        "{\"program\":\"pea2pea\",\"title\":\"t\",\"description\":\"d\",\"admin\":true}",
                        400),
                Arguments.of(
                        "an invalid escape",
                        JSON,
                        "{\"program\":\"pea2pea\",\"title\":\"\\x41\",\"description\":\"d\"}",
                        400),
                Arguments.of(
                        "a multipart body without its closing boundary",
                        "multipart/form-data; boundary=cut",
                        "--cut\r\nContent-Disposition: form-data; name=\"report\"\r\n"
                                + "Content-Type: application/json\r\n\r\n{\"program\":",
                        400),
                Arguments.of(
                        "a multipart part header without a colon",
                        "multipart/form-data; boundary=odd",
                        "--odd\r\nnot a header\r\n\r\n{}\r\n--odd--\r\n",
                        400),
                Arguments.of("XML", "application/xml", "<report/>", 415));
    }

    @ParameterizedTest(name = "{0} → {3}")
    @MethodSource("malformedBodies")
    void malformedBodiesAreRefusedWithAProblem(
            String what, String contentType, String body, int status) {
        assertProblem(
                Researcher.fresh().submitRaw(contentType, body.getBytes(StandardCharsets.UTF_8)),
                status);
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithAProblem() {
        byte[] body =
                "{\"program\":\"pea2pea\",\"title\":\"?\",\"description\":\"d\"}"
                        .getBytes(StandardCharsets.UTF_8);
        body[30] = (byte) 0xff;
        assertProblem(Researcher.fresh().submitRaw(JSON, body), 400);
    }

    /** PostgreSQL cannot store NUL in text; a field that reached it with one was a 500. */
    @ParameterizedTest(name = "NUL in {0}")
    @ValueSource(
            strings = {"title", "description", "creditName", "affectedVersion", "reporterEmail"})
    void aNulCharacterInAnyTextFieldIsRefusedNamingTheField(String field) {
        Map<String, Object> body = Researcher.report("pea2pea");
        body.put(field, "before\u0000after");

        Response response = Researcher.fresh().submit(body);

        assertProblem(response, 400);
        assertThat(response.jsonPath().getString("detail")).contains("NUL").contains(field);
    }

    @Test
    void missingFieldsAreEachNamed() {
        Response response = Researcher.fresh().submit(Map.of("program", "pea2pea"));
        assertProblem(response, 400);
        response.then()
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("description"));
    }

    @Test
    void anOversizedFieldIsNamed() {
        Map<String, Object> body = Researcher.report("pea2pea");
        body.put("title", "x".repeat(201));
        Response response = Researcher.fresh().submit(body);
        assertProblem(response, 400);
        response.then().body("errors[0].field", equalTo("title"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidFields")
    void aFieldBreakingItsRuleIsNamed(String field, String value) {
        Map<String, Object> body = Researcher.report("moqtail");
        body.put(field, value);
        Response response = Researcher.fresh().submit(body);
        assertProblem(response, 400);
        response.then().body("errors[0].field", equalTo(field));
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                Arguments.of("reporterEmail", "not-an-address"),
                Arguments.of("program", "Not A Slug"),
                Arguments.of("scopeClass", "Memory Safety"),
                Arguments.of("cvssVector", "AV:N/AC:L"),
                Arguments.of("creditPreference", "famous"));
    }

    @Test
    void anAnonymousReporterGivesNoNameToCredit() {
        Map<String, Object> body = Researcher.report("moqtail");
        body.put("creditPreference", "anonymous");
        body.put("creditName", "Ada");
        assertProblem(Researcher.fresh().submit(body), 400);
    }

    @Test
    void aBodyOverTheSizeLimitIsRefusedBeforeItIsRead() {
        Map<String, Object> body = Researcher.report("pea2pea");
        body.put("description", "x".repeat(70_000));
        assertProblem(Researcher.fresh().submit(body), 413);
    }

    @Test
    void anUnknownProgramIsATypedProblem() {
        Response response = Researcher.fresh().submit(Researcher.report("no-such-program"));
        assertProblem(response, 422);
        response.then()
                .body("type", equalTo("https://embargo.dev/problems/unknown-program"))
                .body("detail", containsString("no-such-program"));
    }

    @Test
    void aScopeClassTheProgramDoesNotHaveIsRefusedWithItsClasses() {
        Map<String, Object> body = Researcher.report("moqtail");
        body.put("scopeClass", "rocket-science");
        Response response = Researcher.fresh().submit(body);
        assertProblem(response, 422);
        response.then()
                .body("errors[0].field", equalTo("scopeClass"))
                .body("errors[0].message", containsString("memory-safety"));
    }

    @Test
    void aReporterKeyNoEmailCouldBeEncryptedToIsRefusedNamingTheField() {
        Map<String, Object> body = Researcher.report("pea2pea");
        body.put(
                "reporterPublicKey",
                "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n"
                        + "bm90IGEga2V5\n"
                        + "-----END PGP PUBLIC KEY BLOCK-----\n");
        Response response = Researcher.fresh().submit(body);
        assertProblem(response, 422);
        response.then().body("errors[0].field", equalTo("reporterPublicKey"));
    }

    @Test
    void aReportEncryptedToTheProgramsKeyIsAcceptedAsItIs() {
        Map<String, Object> body = Researcher.report(PROGRAM_WITH_KEY);
        body.put("description", programKey.encrypt("Heap overflow in the frame decoder."));
        Researcher.fresh().submit(body).then().statusCode(201);
    }

    @Test
    void aDescriptionEncryptedToAnotherKeyIsRefusedBecauseNobodyHereCouldReadIt() {
        String forSomeoneElse =
                OpenPgpKeys.generate("Someone <else@example.org>").encrypt("Secret details");
        refusedEncryption(
                PROGRAM_WITH_KEY, forSomeoneElse, "encrypted to a key that is not this program's");
    }

    @Test
    void armorThatIsNotOpenPgpIsRefused() {
        String corrupted =
                programKey.encrypt("x").replaceFirst("\n([A-Za-z0-9+/]{10})", "\nAAAAAAAAAA");
        refusedEncryption(PROGRAM_WITH_KEY, corrupted, "not a valid OpenPGP message");
        refusedEncryption(
                PROGRAM_WITH_KEY,
                "-----BEGIN PGP MESSAGE-----\n\nnot base64 !\n-----END PGP MESSAGE-----",
                "not a valid OpenPGP message");
    }

    @Test
    void aProgramWithoutAKeyRefusesEncryptedReports() {
        refusedEncryption(
                "pea2pea",
                programKey.encrypt("x"),
                "this program publishes no OpenPGP key to encrypt to");
    }

    private static void refusedEncryption(String program, String description, String why) {
        Map<String, Object> body = Researcher.report(program);
        body.put("description", description);
        Response response = Researcher.fresh().submit(body);
        assertProblem(response, 422);
        response.then()
                .body("errors[0].field", equalTo("description"))
                .body("errors[0].message", equalTo(why));
    }

    private static void assertProblem(Response response, int status) {
        response.then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status));
        assertThat(response.jsonPath().getString("title")).isNotBlank();
    }
}
