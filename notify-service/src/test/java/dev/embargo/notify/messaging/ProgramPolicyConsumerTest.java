package dev.embargo.notify.messaging;

import static dev.embargo.notify.NotifyTestInfrastructure.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.embargo.contracts.program.ProgramPolicyPublished;
import dev.embargo.contracts.report.DeadlineApproaching;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A version 2 program may name contacts without an e-mail address (a team page): its team is told
 * at the addresses it does give, and never at a missing one. A warning that overtakes its program
 * (the program topic may lag behind the case's) waits for the program instead of reaching nobody.
 */
@QuarkusTest
class ProgramPolicyConsumerTest {

    @Inject MockMailbox mailbox;

    @Inject DataSource database;

    @Test
    void aContactWithNoEmailIsSkippedAndTheTeamIsToldAtTheAddressGiven() throws SQLException {
        String slug = "pages-" + UUID.randomUUID();
        String alias = "alias-" + UUID.randomUUID() + "@example.org";
        publish(
                slug,
                "  - { name: Security team page, url: https://example.org/security }\n"
                        + "  - { name: Security alias, email: "
                        + alias
                        + " }\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> addressesOf(slug) != null);
        assertThat(addressesOf(slug)).isEqualTo(alias);

        events().publish(approaching(slug));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !mailbox.getMailsSentTo(alias).isEmpty());
        Mail warning = mailbox.getMailsSentTo(alias).getFirst();
        assertThat(warning.getTo()).containsExactly(alias);
    }

    @Test
    void aDeadlineWarningThatArrivesBeforeItsProgramReachesTheTeamOnceTheProgramIsKnown()
            throws SQLException {
        String slug = "late-" + UUID.randomUUID();
        String alias = "alias-" + UUID.randomUUID() + "@example.org";

        events().publish(approaching(slug));
        await().atMost(Duration.ofSeconds(30)).until(() -> queuedFor(slug) > 0);
        assertThat(addressesOf(slug)).as("notify has not heard of the program").isNull();
        publish(slug, "  - { name: Security alias, email: " + alias + " }\n");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !mailbox.getMailsSentTo(alias).isEmpty());
        assertThat(mailbox.getMailsSentTo(alias)).singleElement();
        assertThat(queuedFor(slug)).isEqualTo(1);
    }

    @Test
    void aProgramWithNoContactEmailKeepsNoAddress() throws SQLException {
        String slug = "pages-" + UUID.randomUUID();
        publish(slug, "  - { name: Security team page, url: https://example.org/security }\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> addressesOf(slug) != null);
        assertThat(addressesOf(slug)).isEmpty();
    }

    private static void publish(String slug, String contacts) {
        String program =
                """
                apiVersion: embargo.dev/program/v2
                slug: %s
                name: Pages
                contacts:
                %schannels: [{ type: hackerone, url: "https://hackerone.com/pages" }]
                policy:
                  deadlines: { acknowledgement: 2bd }
                """
                        .formatted(slug, contacts);
        events().publish(new ProgramPolicyPublished(slug, 1, Instant.now(), program));
    }

    private static DeadlineApproaching approaching(String slug) {
        String reportId = UUID.randomUUID().toString();
        return new DeadlineApproaching(
                reportId,
                UUID.nameUUIDFromBytes(reportId.getBytes()).toString(),
                "EMB-2026-" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999),
                slug,
                "acknowledgement",
                Instant.now().plus(Duration.ofHours(4)),
                "new",
                null,
                Instant.now());
    }

    /** How many emails notify has queued about the program's cases. */
    private int queuedFor(String slug) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query =
                        connection.prepareStatement(
                                "select count(*) from email_delivery where program_slug = ?")) {
            query.setString(1, slug);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** The addresses notify keeps for the program; null until it has heard of the program. */
    private String addressesOf(String slug) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query =
                        connection.prepareStatement(
                                "select emails from program_contact where program_slug = ?")) {
            query.setString(1, slug);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
