package dev.embargo.triage.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;

/** The case API as the tests call it, as whoever {@code @TestSecurity} stands in. */
final class CaseCalls {

    static final String CASES = "/api/v1/cases";

    private CaseCalls() {}

    static Response move(String caseId, String to) {
        return move(caseId, to, null);
    }

    static Response move(String caseId, String to, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("to", to);
        if (reason != null) {
            body.put("reason", reason);
        }
        return post(caseId, "/transitions", body);
    }

    static Response get(String caseId, String path) {
        return given().when().get(CASES + "/" + caseId + path);
    }

    static Response post(String caseId, String path, Object body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(CASES + "/" + caseId + path);
    }

    static Response put(String caseId, String path, Object body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .put(CASES + "/" + caseId + path);
    }
}
