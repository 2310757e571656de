package dev.embargo.e2e.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What tests look at inside a service's own database, beside its API: locks and who waits for them.
 */
public final class ServiceDatabase {

    private ServiceDatabase() {}

    /**
     * How many statements of the connection's database that start with {@code statementStart} (case
     * ignored) wait for a lock. Ask on a connection outside the locking transaction: within one,
     * PostgreSQL shows the same snapshot of its activity.
     */
    public static int statementsWaitingForALock(Connection observer, String statementStart)
            throws SQLException {
        try (PreparedStatement query =
                observer.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                                + " AND wait_event_type = 'Lock' AND query ILIKE ? || '%'")) {
            query.setString(1, statementStart);
            try (ResultSet waiting = query.executeQuery()) {
                waiting.next();
                return waiting.getInt(1);
            }
        }
    }
}
