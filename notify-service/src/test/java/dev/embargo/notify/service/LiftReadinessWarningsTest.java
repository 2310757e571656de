package dev.embargo.notify.service;

import static dev.embargo.notify.NotifyTestInfrastructure.events;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.embargo.contracts.program.ProgramPolicyPublished;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.notify.support.AnswerLinks;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LiftReadinessWarningsTest {

    @Inject FieldCipher cipher;

    @Inject MockMailbox mailbox;

    @Inject DataSource database;

    @Test
    @TestSecurity(user = "cora", roles = "coordinator")
    void theTeamIsWarnedOnceWhenAPartnerIsNotReadyWithinTheWarningTimeOfTheLift()
            throws SQLException {
        String program = "warned-" + UUID.randomUUID().toString().substring(0, 8);
        String team = "team-" + UUID.randomUUID() + "@example.org";
        publishProgram(program, team);
        await().atMost(Duration.ofSeconds(30)).until(() -> teamKnown(program));

        AnswerLinks.Told near =
                AnswerLinks.tell(
                        cipher,
                        mailbox,
                        program,
                        Instant.now().plus(2, ChronoUnit.HOURS),
                        "Late vendor");
        given().contentType(ContentType.JSON)
                .body(Map.of("readiness", "need_more_time", "reason", "QA needs a week"))
                .when()
                .put(
                        "/partner/v1/preadvisories/"
                                + near.partners().getFirst().token()
                                + "/readiness")
                .then()
                .statusCode(200);
        AnswerLinks.tell(
                cipher, mailbox, program, Instant.now().plus(5, ChronoUnit.DAYS), "Far vendor");

        await().atMost(Duration.ofSeconds(30)).until(() -> !mailbox.getMailsSentTo(team).isEmpty());
        // Many passes later (one every 0.2 s in tests), still the one warning: none for the far
        // lift.
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        List<Mail> warnings = mailbox.getMailsSentTo(team);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.getFirst().getSubject())
                .isEqualTo("Partners not ready for the lift: EMB-2026-0042");
        assertThat(warnings.getFirst().getText())
                .contains("Late vendor")
                .contains(near.advisoryId())
                .doesNotContain("Far vendor");
        given().when()
                .get("/api/v1/preadvisories/" + near.advisoryId() + "/readiness")
                .then()
                .statusCode(200)
                .body("warnedAt", org.hamcrest.Matchers.notNullValue());
    }

    /** Whether notify keeps the program's contacts, whom the warning goes to. */
    private boolean teamKnown(String program) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query =
                        connection.prepareStatement(
                                "select 1 from program_contact where program_slug = ?")) {
            query.setString(1, program);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private static void publishProgram(String slug, String team) {
        String program =
                """
                apiVersion: embargo.dev/program/v2
                slug: %s
                name: Warned
                contacts:
                  - { name: Security team, email: %s }
                channels: [{ type: hackerone, url: "https://hackerone.com/warned" }]
                policy:
                  deadlines: { acknowledgement: 2bd }
                """
                        .formatted(slug, team);
        events().publish(new ProgramPolicyPublished(slug, 1, Instant.now(), program));
    }
}
