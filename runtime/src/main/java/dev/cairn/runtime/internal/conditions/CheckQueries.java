package dev.cairn.runtime.internal.conditions;

import dev.cairn.runtime.RowMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs the queries of checks on the migration's connection, reading no more rows than a check
 * needs: without parameters as written (so that PostgreSQL's {@code ?} operators stay
 * operators), with parameters prepared, as the migration context does.
 */
final class CheckQueries {

    /** The one value a query returns, or what is wrong with its answer ({@code null} when nothing is). */
    record SingleValue(Object value, String problem) {
    }

    /** The migration's connection, asked for at the first query: most migrations have no conditions. */
    private final Supplier<Connection> connection;

    CheckQueries(Supplier<Connection> connection) {
        this.connection = connection;
    }

    /** At most {@code limit} rows of a query, each mapped; {@link Integer#MAX_VALUE} for all. */
    <T> List<T> rows(String sql, Object[] params, int limit, RowMapper<T> mapper) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (Statement statement = params.length == 0 ? connection.get().createStatement() : connection.get().prepareStatement(sql)) {
            statement.setMaxRows(limit == Integer.MAX_VALUE ? 0 : limit);
            if (statement instanceof PreparedStatement prepared) {
                for (int i = 0; i < params.length; i++) {
                    prepared.setObject(i + 1, params[i]);
                }
            }
            try (ResultSet row = statement instanceof PreparedStatement prepared ? prepared.executeQuery()
                    : statement.executeQuery(sql)) {
                while (rows.size() < limit && row.next()) {
                    rows.add(mapper.map(row));
                }
            }
        }
        return rows;
    }

    /** The value of a query expected to return one row of one column. */
    SingleValue single(String sql, Object... params) throws SQLException {
        List<List<Object>> rows = rows(sql, params, 2, CheckQueries::columns);
        if (rows.size() != 1) {
            return new SingleValue(null, rows.isEmpty() ? "no row" : "more than one row (the query should return one value)");
        }
        List<Object> row = rows.get(0);
        return row.size() == 1 ? new SingleValue(row.get(0), null)
                : new SingleValue(null, "a row of " + row.size() + " columns (the query should return one value)");
    }

    /** The current row's values, in column order. */
    static List<Object> columns(ResultSet row) throws SQLException {
        List<Object> values = new ArrayList<>();
        for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
            values.add(row.getObject(i));
        }
        return values;
    }
}
