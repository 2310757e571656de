package dev.embargo.intake.support;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Intake's own database as the tests look into it: what is stored, not what the API shows. */
@ApplicationScoped
public class IntakeDatabase {

    private final AgroalDataSource dataSource;

    IntakeDatabase(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The rows the query returns, each column by its label. */
    public List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepared(connection, sql, parameters);
                ResultSet result = statement.executeQuery()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                    row.put(result.getMetaData().getColumnLabel(column), result.getObject(column));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The single row the query returns. */
    public Map<String, Object> row(String sql, Object... parameters) {
        List<Map<String, Object>> rows = rows(sql, parameters);
        if (rows.size() != 1) {
            throw new IllegalStateException(rows.size() + " rows for " + sql);
        }
        return rows.getFirst();
    }

    /** The first column of the single row, as a number. */
    public long count(String sql, Object... parameters) {
        return ((Number) row(sql, parameters).values().iterator().next()).longValue();
    }

    /** Runs a statement on a connection of its own, committed at once. */
    public void execute(String sql) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A connection of the caller's own, e.g. to hold a lock; the caller closes it. */
    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    private static PreparedStatement prepared(
            Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
