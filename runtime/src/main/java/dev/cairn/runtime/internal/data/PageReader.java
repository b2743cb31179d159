package dev.cairn.runtime.internal.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one batch of a source by keyset pagination. The page starts at the key it resumes after,
 * inclusive, so that the row with that key is seen again and skipped: a second row with the same
 * key then shows that the key is not unique, which would otherwise lose rows without a word.
 */
final class PageReader {

    private final BatchPlan plan;
    private final PagingSql sql;

    PageReader(BatchPlan plan) {
        this.plan = plan;
        this.sql = new PagingSql(plan);
    }

    PagingSql sql() {
        return sql;
    }

    /**
     * @param after the key to start after, or {@code null} from the first row
     * @param upTo the last key to include, or {@code null} to the end
     */
    Page read(Connection connection, List<Object> after, List<Object> upTo, int size, Deadline deadline) throws SQLException,
            BatchProblem {
        int limit = size + (after == null ? 0 : 1);
        String query = sql.page(after != null, upTo != null, limit);
        List<RowValues> rows = new ArrayList<>();
        int fetched = 0;
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setQueryTimeout(deadline.statementTimeoutSeconds());
            int index = 1;
            for (List<Object> bound : Arrays.asList(after, upTo)) {
                if (bound != null) {
                    for (Object value : bound) {
                        statement.setObject(index++, value);
                    }
                }
            }
            try (ResultSet result = statement.executeQuery()) {
                RowValues.Columns columns = columns(result.getMetaData());
                int[] keyAt = keyColumns(columns);
                List<Object> previous = after;
                boolean skippedResumeRow = false;
                while (result.next()) {
                    fetched++;
                    Object[] values = new Object[columns.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = value(result, i + 1);
                    }
                    List<Object> key = new ArrayList<>(keyAt.length);
                    for (int at : keyAt) {
                        key.add(keyValue(result, at + 1, values[at]));
                    }
                    checkKey(key, query);
                    if (previous != null && KeyCodec.same(previous, key)) {
                        if (after != null && rows.isEmpty() && !skippedResumeRow) {
                            skippedResumeRow = true;
                            continue;
                        }
                        throw new BatchProblem(BatchProblem.Kind.KEY, "because its key " + plan.key() + " is not unique: "
                                + plan.describeSource() + " has more than one row with key " + key, query, null);
                    }
                    previous = key;
                    rows.add(new RowValues(columns, values, List.copyOf(key)));
                }
            }
        }
        boolean exhausted = fetched < limit;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
        }
        return new Page(rows, rows.isEmpty() ? null : rows.get(rows.size() - 1).key(), exhausted);
    }

    private void checkKey(List<Object> key, String query) throws BatchProblem {
        if (key.contains(null)) {
            throw new BatchProblem(BatchProblem.Kind.KEY, "because a row of " + plan.describeSource() + " has a NULL in its key "
                    + plan.key() + " (" + key + ")", query, null);
        }
    }

    private RowValues.Columns columns(ResultSetMetaData meta) throws SQLException {
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            labels.add(meta.getColumnLabel(i));
        }
        return new RowValues.Columns(labels);
    }

    private int[] keyColumns(RowValues.Columns columns) throws BatchProblem {
        int[] at = new int[plan.key().size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = columns.find(plan.key().get(i));
            if (at[i] < 0) {
                throw new BatchProblem(BatchProblem.Kind.KEY, "because its key column " + plan.key().get(i) + " is not among"
                        + " the columns of " + plan.describeSource() + ": name the key by a column of its result", null, null);
            }
        }
        return at;
    }

    /** A driver's own types (PostgreSQL's json, say) are read as text, which the row's getters understand. */
    /**
     * A key column's value as the checkpoint keeps it: a timestamp as the database holds it, its
     * wall clock for {@code timestamp} and its instant with an offset for {@code timestamptz}, not
     * as this JVM's time zone reads it; another instance, in another zone, may resume the run or
     * share it, and must bind the same value.
     */
    static Object keyValue(ResultSet result, int column, Object value) throws SQLException {
        if (!(value instanceof Timestamp)) {
            return value;
        }
        return "timestamptz".equalsIgnoreCase(result.getMetaData().getColumnTypeName(column))
                ? result.getObject(column, OffsetDateTime.class) : result.getObject(column, LocalDateTime.class);
    }

    /** A column's value as the driver gives it, or its text when that is a driver's own type. */
    static Object value(ResultSet result, int column) throws SQLException {
        Object value = result.getObject(column);
        if (value == null || value instanceof byte[] || value.getClass().getName().startsWith("java.")) {
            return value;
        }
        return result.getString(column);
    }
}
