package dev.embargo.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.RunningStack;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each service deletes the published outbox rows whose event is older than the retention (7 days by
 * default): every row holds a copy of its event, sealed report text included. The test stack purges
 * every second.
 */
@ExtendWith(EmbargoStack.class)
class OutboxRetentionIT {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"intake", "triage", "notify", "advisory"})
    void publishedRowsOlderThanTheRetentionAreDeletedAndRecentOnesKept(
            String service, RunningStack stack) throws Exception {
        try (Connection owner = stack.database(service)) {
            UUID expired = plant(owner, "8 days");
            UUID recent = plant(owner, "6 days");

            await().atMost(Duration.ofSeconds(20)).until(() -> !exists(owner, expired));

            assertThat(exists(owner, recent)).as("a row within the retention stays").isTrue();
            delete(owner, recent);
        }
    }

    /**
     * A row as the relay leaves it, for an event that occurred {@code ago}: inserted and taken off
     * the relay's queue in one transaction, so it is never sent anywhere.
     */
    private static UUID plant(Connection owner, String ago) throws SQLException {
        UUID id = UUID.randomUUID();
        owner.setAutoCommit(false);
        try (PreparedStatement insert =
                        owner.prepareStatement(
                                "INSERT INTO outbox_event (id, topic, event_key, event_type,"
                                    + " occurred_at, payload) VALUES (?,"
                                    + " 'embargo.report-lifecycle.v1', ?, 'report.submitted.v3',"
                                    + " now() - CAST(? AS interval), '{}')");
                PreparedStatement dequeue =
                        owner.prepareStatement(
                                "DELETE FROM outbox_pending WHERE seq = (SELECT seq FROM"
                                        + " outbox_event WHERE id = ?)")) {
            insert.setObject(1, id);
            insert.setString(2, id.toString());
            insert.setString(3, ago);
            insert.executeUpdate();
            dequeue.setObject(1, id);
            assertThat(dequeue.executeUpdate())
                    .as("the insert queued the row for the relay")
                    .isEqualTo(1);
            owner.commit();
        } finally {
            owner.setAutoCommit(true);
        }
        return id;
    }

    private static boolean exists(Connection owner, UUID id) throws SQLException {
        try (PreparedStatement query =
                owner.prepareStatement("SELECT 1 FROM outbox_event WHERE id = ?")) {
            query.setObject(1, id);
            try (ResultSet found = query.executeQuery()) {
                return found.next();
            }
        }
    }

    private static void delete(Connection owner, UUID id) throws SQLException {
        try (PreparedStatement delete =
                owner.prepareStatement("DELETE FROM outbox_event WHERE id = ?")) {
            delete.setObject(1, id);
            delete.executeUpdate();
        }
    }
}
