package dev.embargo.advisory.rest;

import static dev.embargo.advisory.AdvisoryFixtures.MOQTAIL;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.embargo.advisory.AdvisoryFixtures;
import dev.embargo.advisory.service.AdvisoryDetails;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The EU CRA Article 14(8) notice to a product's users, drafted from the advisory. */
@QuarkusTest
@TestSecurity(user = "cora", roles = "coordinator")
class UserNoticeTest {

    @Inject AdvisoryFixtures fixtures;

    @Test
    void theNoticeTellsUsersTheVulnerabilityTheAffectedVersionsAndWhatToDo() {
        AdvisoryDetails advisory = fixtures.complete(MOQTAIL);
        String notice = "/api/v1/advisories/" + advisory.advisory().id + "/user-notice";

        given().accept(ContentType.JSON)
                .when()
                .get(notice)
                .then()
                .statusCode(200)
                .body("cveId", equalTo(advisory.content().cveId()))
                .body("severity", equalTo("medium"))
                .body(
                        "vulnerability",
                        equalTo("The selector parser accepts a wildcard after a negation."))
                .body("affectedProducts", contains("moqtail-broker: from 0.1.0, fixed in 0.1.4"))
                .body("correctiveMeasures", equalTo("Upgrade moqtail-broker to 0.1.4."))
                .body("mitigations", nullValue());
        given().accept(ContentType.TEXT)
                .when()
                .get(notice)
                .then()
                .statusCode(200)
                .contentType(ContentType.TEXT)
                .body(
                        containsString(
                                "Security notice: "
                                        + advisory.content().title()
                                        + " ("
                                        + advisory.content().cveId()
                                        + ")"))
                .body(
                        containsString(
                                "Affected products:\n- moqtail-broker: from 0.1.0, fixed in 0.1.4"))
                .body(containsString("What to do:\nUpgrade moqtail-broker to 0.1.4."))
                .body(not(containsString("Until you can update")));
    }

    @Test
    void anUnknownAdvisoryHasNoNotice() {
        given().accept(ContentType.JSON)
                .when()
                .get("/api/v1/advisories/00000000-0000-0000-0000-000000000000/user-notice")
                .then()
                .statusCode(404);
    }
}
