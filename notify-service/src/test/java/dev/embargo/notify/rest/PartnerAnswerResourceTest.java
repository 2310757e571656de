package dev.embargo.notify.rest;

import static dev.embargo.notify.NotifyTestInfrastructure.events;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.embargo.contracts.CloudEventAttributes;
import dev.embargo.contracts.Topics;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.problem.Problem;
import dev.embargo.localstack.ServiceTestEvents;
import dev.embargo.notify.domain.LinkToken;
import dev.embargo.notify.support.AnswerLinks;
import dev.embargo.notify.support.AnswerLinks.Holder;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PartnerAnswerResourceTest {

    private static final String LINKS = "/partner/v1/preadvisories/";

    @Inject FieldCipher cipher;

    @Inject MockMailbox mailbox;

    @Inject DataSource database;

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void theLinkInAPartnersCopyAnswersAndOnlyItsHashIsStored() throws SQLException {
        Holder debian = told("Debian").partners().getFirst();

        given().when()
                .get(LINKS + debian.token())
                .then()
                .statusCode(200)
                .body("partner", equalTo("Debian"))
                .body("advisory", equalTo("EMB-2026-0042"));
        try (Connection connection = database.getConnection();
                PreparedStatement query =
                        connection.prepareStatement(
                                "select token_hash, partner_link::text from partner_link"
                                        + " where partner_id = ?::uuid")) {
            query.setString(1, debian.partnerId());
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getBytes(1)).isEqualTo(LinkToken.hash(debian.token()));
                assertThat(row.getString(2)).doesNotContain(debian.token());
            }
        }
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void aWrongOrExpiredTokenIsRefusedLikeAnUnknownOne() throws SQLException {
        Holder suse = told("SUSE").partners().getFirst();
        String wrong = suse.token().substring(0, 42) + (suse.token().endsWith("A") ? "B" : "A");

        refusedAsUnknown(given(), LINKS + wrong);
        refusedAsUnknown(given(), LINKS + "not-a-token");
        try (Connection connection = database.getConnection();
                PreparedStatement expire =
                        connection.prepareStatement(
                                "update partner_link set expires_at = now() - interval '1 second'"
                                        + " where partner_id = ?::uuid")) {
            expire.setString(1, suse.partnerId());
            assertThat(expire.executeUpdate()).isEqualTo(1);
        }
        refusedAsUnknown(given(), LINKS + suse.token());
        refusedAsUnknown(given().auth().oauth2(suse.token()), "/partner/v1/preadvisory");
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void eachKindOfStatementIsKeptAndAnnouncedAndAnsweringAcknowledgesOnce() {
        AnswerLinks.Told told = told("Red Hat");
        Holder redHat = told.partners().getFirst();

        state(redHat, statement("broker", "affected", null, null)).statusCode(200);
        state(
                        redHat,
                        statement(
                                "bridge",
                                "not_affected",
                                "vulnerable_code_not_in_execute_path",
                                null))
                .statusCode(200);
        state(redHat, statement("client", "fixed", null, "2.4.1")).statusCode(200);
        state(redHat, statement("operator", "under_investigation", null, null)).statusCode(200);
        given().contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "readiness",
                                "need_more_time",
                                "reason",
                                "Our release train leaves in 9 days"))
                .when()
                .put(LINKS + redHat.token() + "/readiness")
                .then()
                .statusCode(200)
                .body("readiness", equalTo("need_more_time"))
                .body("acknowledgedAt", notNullValue())
                .body(
                        "statements.product",
                        equalTo(List.of("bridge", "broker", "client", "operator")))
                .body(
                        "statements.find { it.product == 'bridge' }.justification",
                        equalTo("vulnerable_code_not_in_execute_path"))
                .body("statements.find { it.product == 'client' }.fixedVersion", equalTo("2.4.1"));
        given().when().post(LINKS + redHat.token() + "/acknowledge").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> {
                            List<String> types =
                                    events().readAll(Topics.ADVISORY_LIFECYCLE.name()).stream()
                                            .filter(
                                                    record ->
                                                            told.advisoryId().equals(record.key()))
                                            .map(
                                                    record ->
                                                            ServiceTestEvents.header(
                                                                    record,
                                                                    CloudEventAttributes
                                                                            .HEADER_TYPE))
                                            .filter(type -> type.startsWith("partner."))
                                            .toList();
                            assertThat(types)
                                    .containsExactly(
                                            "partner.acknowledged.v1",
                                            "partner.statement.made.v1",
                                            "partner.statement.made.v1",
                                            "partner.statement.made.v1",
                                            "partner.statement.made.v1",
                                            "partner.statement.made.v1");
                        });
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void aStatementOutsideTheRulesIsRefusedWith400AndChangesNothing() {
        Holder canonical = told("Canonical").partners().getFirst();

        refused(state(canonical, statement("broker", "not_affected", "we_checked", null)));
        refused(state(canonical, statement("broker", "not_affected", null, null)));
        refused(state(canonical, statement("broker", "affected", "component_not_present", null)));
        refused(state(canonical, statement("broker", "fixed", null, null)));
        refused(state(canonical, statement("broker", "under_investigation", null, "1.0")));
        refused(state(canonical, statement("broker", "exploitable", null, null)));
        refused(state(canonical, statement(" ", "affected", null, null)));
        refused(
                given().contentType(ContentType.JSON)
                        .body(Map.of("readiness", "need_more_time"))
                        .when()
                        .put(LINKS + canonical.token() + "/readiness")
                        .then());
        refused(
                given().contentType(ContentType.JSON)
                        .body(Map.of("readiness", "soon"))
                        .when()
                        .put(LINKS + canonical.token() + "/readiness")
                        .then());

        given().when()
                .get(LINKS + canonical.token())
                .then()
                .statusCode(200)
                .body("statements.size()", equalTo(0))
                .body("acknowledgedAt", equalTo(null));
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void aMachineAnswersWithTheTokenAsABearerToken() {
        Holder bot = told("Packaging bot").partners().getFirst();

        given().auth()
                .oauth2(bot.token())
                .when()
                .post("/partner/v1/preadvisory/acknowledge")
                .then()
                .statusCode(200)
                .body("acknowledgedAt", notNullValue());
        given().when()
                .post("/partner/v1/preadvisory/acknowledge")
                .then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void thePageShowsThePartnersOwnTextEncoded() {
        Holder alpine = told("Alpine").partners().getFirst();
        state(alpine, statement("<script>alert(1)</script>", "affected", null, null))
                .statusCode(200);

        given().accept(ContentType.HTML)
                .when()
                .get(LINKS + alpine.token())
                .then()
                .statusCode(200)
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"))
                .body(not(containsString("<script>alert")));
    }

    private AnswerLinks.Told told(String name) {
        return AnswerLinks.tell(
                cipher, mailbox, "moqtail", Instant.now().plus(5, ChronoUnit.DAYS), name);
    }

    private static Map<String, String> statement(
            String product, String status, String justification, String fixedVersion) {
        Map<String, String> body = new HashMap<>();
        body.put("product", product);
        body.put("status", status);
        body.put("justification", justification);
        body.put("fixedVersion", fixedVersion);
        return body;
    }

    private static io.restassured.response.ValidatableResponse state(
            Holder holder, Map<String, String> statement) {
        return given().contentType(ContentType.JSON)
                .body(statement)
                .when()
                .post(LINKS + holder.token() + "/statements")
                .then();
    }

    private static void refused(io.restassured.response.ValidatableResponse answer) {
        answer.statusCode(400).contentType(Problem.MEDIA_TYPE);
    }

    private static void refusedAsUnknown(RequestSpecification request, String path) {
        request.when().get(path).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }
}
