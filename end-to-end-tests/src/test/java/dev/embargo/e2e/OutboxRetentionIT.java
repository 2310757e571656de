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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each service deletes the outbox rows it published longer ago than the retention (7 days by
 * default): every row holds a copy of its event, sealed report text included. The test stack
 * purges every second.
 */
@ExtendWith(EmbargoStack.class)
class OutboxRetentionIT {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"intake", "triage", "notify", "advisory"})
    void rowsPublishedLongerAgoThanTheRetentionAreDeletedAndRecentOnesKept(String service, RunningStack stack) throws Exception {
        try (Connection owner = stack.database(service)) {
            UUID expired = plantPublished(owner, "8 days");
            UUID recent = plantPublished(owner, "6 days");

            await().atMost(Duration.ofSeconds(20)).until(() -> !exists(owner, expired));

            assertThat(exists(owner, recent)).as("a row within the retention stays").isTrue();
            delete(owner, recent);
        }
    }

    /** A row as the relay leaves it, published {@code ago}; never sent anywhere: it is already published. */
    private static UUID plantPublished(Connection owner, String ago) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = owner.prepareStatement("INSERT INTO outbox_event (id, topic, event_key, event_type,"
                + " occurred_at, payload, published_at) VALUES (?, 'embargo.report-lifecycle.v1', ?, 'report.submitted.v2',"
                + " now() - CAST(? AS interval), '{}', now() - CAST(? AS interval))")) {
            insert.setObject(1, id);
            insert.setString(2, id.toString());
            insert.setString(3, ago);
            insert.setString(4, ago);
            insert.executeUpdate();
        }
        return id;
    }

    private static boolean exists(Connection owner, UUID id) throws SQLException {
        try (PreparedStatement query = owner.prepareStatement("SELECT 1 FROM outbox_event WHERE id = ?")) {
            query.setObject(1, id);
            try (ResultSet found = query.executeQuery()) {
                return found.next();
            }
        }
    }

    private static void delete(Connection owner, UUID id) throws SQLException {
        try (PreparedStatement delete = owner.prepareStatement("DELETE FROM outbox_event WHERE id = ?")) {
            delete.setObject(1, id);
            delete.executeUpdate();
        }
    }
}
