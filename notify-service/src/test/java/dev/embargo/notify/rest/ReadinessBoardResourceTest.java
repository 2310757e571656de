package dev.embargo.notify.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.notify.support.AnswerLinks;
import dev.embargo.notify.support.AnswerLinks.Holder;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReadinessBoardResourceTest {

    @Inject FieldCipher cipher;

    @Inject MockMailbox mailbox;

    @Inject DataSource database;

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void theBoardShowsWhoReceivedAcknowledgedAnsweredAndIsReady() {
        AnswerLinks.Told told =
                AnswerLinks.tell(
                        cipher,
                        mailbox,
                        "moqtail",
                        Instant.now().plus(5, ChronoUnit.DAYS),
                        "Ready vendor",
                        "Silent vendor");
        Holder ready = told.partners().getFirst();
        given().contentType(ContentType.JSON)
                .body(Map.of("readiness", "ready"))
                .when()
                .put("/partner/v1/preadvisories/" + ready.token() + "/readiness")
                .then()
                .statusCode(200);

        given().when()
                .get("/api/v1/preadvisories/" + told.advisoryId() + "/readiness")
                .then()
                .statusCode(200)
                .body("program", equalTo("moqtail"))
                .body("counts.received", equalTo(2))
                .body("counts.acknowledged", equalTo(1))
                .body("counts.answered", equalTo(1))
                .body("counts.ready", equalTo(1))
                .body("partners.find { it.name == 'Ready vendor' }.readiness", equalTo("ready"))
                .body("partners.find { it.name == 'Silent vendor' }.acknowledgedAt", nullValue())
                .body("warnedAt", nullValue())
                .body("moveLift.path", equalTo("/api/v1/advisories/{id}/embargo"));
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void anAdminSeesEveryProgramsBoard() throws SQLException {
        given().when().get(board(liftOf("moqtail"))).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    @OidcSecurity(
            claims =
                    @Claim(
                            key = "groups",
                            value = "[\"/programs/emek\"]",
                            type = ClaimType.JSON_ARRAY))
    void aCoordinatorOfOneProgramSeesItsBoardAndNoOtherProgramsBoard() throws SQLException {
        given().when().get(board(liftOf("emek"))).then().statusCode(200);
        given().when().get(board(liftOf("moqtail"))).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "pat", roles = "publisher")
    void aPublisherIsRefused() throws SQLException {
        given().when().get(board(liftOf("moqtail"))).then().statusCode(403);
    }

    @Test
    void anAnonymousCallerIsRefused() throws SQLException {
        given().when().get(board(liftOf("moqtail"))).then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void anAdvisoryNoPartnerWasToldOfHasNoBoard() {
        given().when().get(board(UUID.randomUUID().toString())).then().statusCode(404);
    }

    private static String board(String advisoryId) {
        return "/api/v1/preadvisories/" + advisoryId + "/readiness";
    }

    /** An advisory of {@code program} partners were told of, with no partner yet. */
    private String liftOf(String program) throws SQLException {
        String advisoryId = UUID.randomUUID().toString();
        try (Connection connection = database.getConnection();
                PreparedStatement insert =
                        connection.prepareStatement(
                                "insert into advisory_lift (advisory_id, program_slug,"
                                    + " embargo_until) values (?, ?, now() + interval '5 days')")) {
            insert.setString(1, advisoryId);
            insert.setString(2, program);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        return advisoryId;
    }
}
