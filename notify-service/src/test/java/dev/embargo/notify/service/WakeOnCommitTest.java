package dev.embargo.notify.service;

import static dev.embargo.notify.NotifyTestInfrastructure.events;
import static dev.embargo.notify.support.PartnerApi.endpoint;
import static dev.embargo.notify.support.PartnerApi.freshGroup;
import static dev.embargo.notify.support.PartnerApi.partner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.notify.support.PreAdvisories;
import dev.embargo.notify.support.ReportEvents;
import dev.embargo.notify.support.WebhookReceiver;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay and both dispatchers run when a transaction that queued their work commits, not
 * at their next poll: here every poll is ten minutes away, so anything done within the test's
 * patience was done on the commit's notification. The bounds below leave room for a loaded machine
 * (the relay's first send also fetches the topic's metadata) and stay far under the poll.
 */
@QuarkusTest
@TestProfile(WakeOnCommitTest.PollsTenMinutesApart.class)
@TestSecurity(user = "cora", roles = "coordinator")
class WakeOnCommitTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration WOKEN_WITHIN = Duration.ofSeconds(5);

    @Inject MockMailbox mailbox;

    @Inject FieldCipher cipher;

    @Inject DataSource database;

    public static final class PollsTenMinutesApart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "embargo.outbox.poll-interval", "10m",
                    "embargo.notify.email.poll-interval", "10m",
                    "embargo.notify.webhooks.poll-interval", "10m");
        }
    }

    @Test
    void anAcknowledgementIsEmailedSecondsAfterItsQueueingCommit() throws SQLException {
        String reporter = "reporter-" + UUID.randomUUID() + "@example.org";
        ReportEvents report = new ReportEvents("moqtail");
        events().publish(report.submitted(cipher, reporter));
        events().publish(report.acknowledged());

        await().atMost(PATIENCE).until(() -> mailbox.getMailsSentTo(reporter).size() == 1);
        assertThat(
                        millis(
                                "SELECT extract(epoch FROM sent_at - created_at) * 1000"
                                        + " FROM email_delivery WHERE tracking_id = ?",
                                report.trackingId()))
                .as("from queued to sent, in ms")
                .isLessThan(WOKEN_WITHIN.toMillis());
    }

    @Test
    void aPreAdvisoryReachesThePartnerWithoutWaitingForThePoll() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String group = freshGroup();
            endpoint(
                    partner("Wake Inc", List.of(group), List.of("moqtail")), receiver.url("/wake"));

            events().publish(PreAdvisories.released(cipher, "moqtail", group, "Woken at commit"));

            await().atMost(PATIENCE).until(() -> receiver.at("/wake").size() == 1);
        }
    }

    @Test
    void anEventStagedInTheOutboxIsRelayedSecondsAfterItsCommit() throws SQLException {
        UUID event = UUID.randomUUID();
        long staged = System.nanoTime();
        try (Connection connection = database.getConnection();
                PreparedStatement stage =
                        connection.prepareStatement(
                                "INSERT INTO outbox_event (id, topic, event_key, event_type,"
                                        + " occurred_at, payload) VALUES (?,"
                                        + " 'embargo.webhook-dead-letters.v1', 'wake',"
                                        + " 'webhook.failed', now(), '{}')")) {
            stage.setObject(1, event);
            stage.executeUpdate();
        }

        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> stillQueued(event) == 0);
        assertThat(Duration.ofNanos(System.nanoTime() - staged)).isLessThan(WOKEN_WITHIN);
    }

    private long stillQueued(UUID event) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement count =
                        connection.prepareStatement(
                                "SELECT count(*) FROM outbox_pending JOIN outbox_event USING (seq)"
                                        + " WHERE id = ?")) {
            count.setObject(1, event);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private double millis(String query, String trackingId) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, trackingId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getDouble(1);
            }
        }
    }
}
