package dev.embargo.triage;

import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * Triage's database as the tests look into it: what the consumer opened and what the outbox holds.
 */
@ApplicationScoped
public class TriageDatabase {

    private final AgroalDataSource dataSource;

    TriageDatabase(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The id of the report's case, once triage has opened it. */
    public String awaitCaseOf(String reportId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> caseOf(reportId), Optional::isPresent)
                .orElseThrow();
    }

    public Optional<String> caseOf(String reportId) {
        return Optional.ofNullable(
                text(
                        "SELECT id::text FROM vulnerability_case WHERE report_id = ?::uuid",
                        reportId));
    }

    /** The report id of a case. */
    public String reportOf(String caseId) {
        return text("SELECT report_id::text FROM vulnerability_case WHERE id = ?::uuid", caseId);
    }

    /**
     * The keyed trigram fingerprint a case's report text is compared by, as PostgreSQL prints it.
     */
    public String fingerprintOf(String caseId) {
        return text(
                "SELECT text_fingerprint::text FROM vulnerability_case WHERE id = ?::uuid", caseId);
    }

    /** The case's row as JSON, every column as stored. */
    public String caseRow(String caseId) {
        return text(
                "SELECT row_to_json(c)::text FROM vulnerability_case c WHERE id = ?::uuid", caseId);
    }

    /** How many cases exist for the report: one at most, however often it is announced. */
    public long casesOf(String reportId) {
        return count("SELECT count(*) FROM vulnerability_case WHERE report_id = ?::uuid", reportId);
    }

    /** How many rows of the table ({@code case_deadline}, {@code case_audit}) the case has. */
    public long rowsOfCase(String table, String caseId) {
        return count("SELECT count(*) FROM " + table + " WHERE case_id = ?::uuid", caseId);
    }

    /** Whether the consumer has applied the event (its id is in the inbox). */
    public boolean processed(String consumer, String eventId) {
        return count(
                        "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?",
                        consumer,
                        eventId)
                == 1;
    }

    /**
     * How many events of the type (e.g. {@code deadline.breached.v2}) triage staged that mention
     * the text.
     */
    public long outboxEvents(String eventType, String mentioning) {
        return count(
                "SELECT count(*) FROM outbox_event WHERE event_type = ? AND strpos(payload, ?) > 0",
                eventType,
                mentioning);
    }

    /** The payloads of the events of the type that mention the text, oldest first. */
    public java.util.List<String> outboxPayloads(String eventType, String mentioning) {
        return query(
                "SELECT payload FROM outbox_event WHERE event_type = ? AND strpos(payload, ?) > 0"
                        + " ORDER BY seq",
                statement -> {
                    java.util.List<String> payloads = new java.util.ArrayList<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            payloads.add(rows.getString(1));
                        }
                    }
                    return payloads;
                },
                eventType,
                mentioning);
    }

    /** Runs statements in one transaction, as someone with the service's database role could. */
    public void inTransaction(String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private long count(String sql, String... parameters) {
        return query(
                sql,
                statement -> {
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        return rows.getLong(1);
                    }
                },
                parameters);
    }

    private String text(String sql, String... parameters) {
        return query(
                sql,
                statement -> {
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next() ? rows.getString(1) : null;
                    }
                },
                parameters);
    }

    private <T> T query(String sql, Query<T> query, String... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            return query.run(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run " + sql, e);
        }
    }

    private interface Query<T> {
        T run(PreparedStatement statement) throws SQLException;
    }
}
