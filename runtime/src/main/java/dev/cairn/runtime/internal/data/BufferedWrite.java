package dev.cairn.runtime.internal.data;

import dev.cairn.runtime.data.BatchStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One buffered statement of a batch: the values of each {@link #add}, with the row that added
 * them, run as a JDBC batch when the batch ends. An {@code INSERT ... VALUES (?, ...)} runs as
 * multi-row inserts of many rows each, as PostgreSQL's {@code reWriteBatchedInserts} would send it.
 */
final class BufferedWrite implements BatchStatement {

    /** {@code INSERT ... VALUES (?, ?)} and what follows the tuple: one tuple of bare parameters. */
    private static final Pattern SINGLE_TUPLE = Pattern.compile("(?is)^(\\s*INSERT\\s.*?\\bVALUES\\s*)(\\(\\s*\\?(?:\\s*,\\s*\\?)*\\s*\\))(.*)$");
    /** PostgreSQL takes at most 65,535 parameters in a statement; SQLite 32,766. */
    private static final int MAX_PARAMETERS = 30_000;
    private static final int MAX_ROWS_PER_INSERT = 500;

    private final String sql;
    private final int parameters;
    private final List<Object[]> values = new ArrayList<>();
    private final List<Integer> rows = new ArrayList<>();
    private final Batching batch;

    /** What a buffered write asks of its batch. */
    interface Batching {
        /** The row being processed, or -1 outside a row. */
        int currentRow();

        /** The timeout in seconds for a statement, 0 for none. */
        int statementTimeout();
    }

    BufferedWrite(String sql, Batching batch) {
        this.sql = sql;
        this.parameters = countParameters(sql);
        this.batch = batch;
    }

    @Override
    public void add(Object... values) {
        if (values.length != parameters) {
            throw new IllegalArgumentException("add() got " + values.length + (values.length == 1 ? " value" : " values")
                    + " for " + parameters + (parameters == 1 ? " parameter" : " parameters") + " of " + sql);
        }
        this.values.add(values.clone());
        rows.add(batch.currentRow());
    }

    String sql() {
        return sql;
    }

    /** How many values are queued. */
    int size() {
        return values.size();
    }

    /** Drops what was queued after {@code size} values, such as a failed row's. */
    void truncate(int size) {
        values.subList(size, values.size()).clear();
        rows.subList(size, rows.size()).clear();
    }

    /** Runs everything queued. */
    void flush(Connection connection) throws SQLException {
        run(connection, values);
    }

    /** Runs what row {@code row} queued. */
    void flushRow(Connection connection, int row) throws SQLException {
        List<Object[]> of = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (rows.get(i) == row) {
                of.add(values.get(i));
            }
        }
        run(connection, of);
    }

    private void run(Connection connection, List<Object[]> all) throws SQLException {
        if (all.isEmpty()) {
            return;
        }
        Matcher insert = SINGLE_TUPLE.matcher(sql);
        int perStatement = rewritable(insert) ? Math.min(MAX_ROWS_PER_INSERT, MAX_PARAMETERS / parameters) : 1;
        int full = all.size() / perStatement * perStatement;
        if (full > 0) {
            String text = perStatement == 1 ? sql : multiRow(insert, perStatement);
            runBatch(connection, text, all.subList(0, full), perStatement);
        }
        if (full < all.size()) {
            runBatch(connection, sql, all.subList(full, all.size()), 1);
        }
    }

    /**
     * Whether the insert can run as multi-row inserts: one tuple holding every parameter and nothing
     * after it. A tail such as {@code ON CONFLICT ... DO UPDATE SET x = ?} takes parameters of its
     * own, and even without them changes meaning across rows (PostgreSQL refuses to update one row
     * twice in a statement), so such an insert runs row by row in a JDBC batch.
     */
    private boolean rewritable(Matcher insert) {
        return parameters > 0 && insert.matches() && insert.group(3).isBlank()
                && insert.group(2).chars().filter(c -> c == '?').count() == parameters;
    }

    private void runBatch(Connection connection, String text, List<Object[]> all, int perStatement) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(text)) {
            statement.setQueryTimeout(batch.statementTimeout());
            for (int start = 0; start < all.size(); start += perStatement) {
                int index = 1;
                for (Object[] set : all.subList(start, start + perStatement)) {
                    for (Object value : set) {
                        statement.setObject(index++, value);
                    }
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static String multiRow(Matcher insert, int rows) {
        return insert.group(1) + String.join(", ", Collections.nCopies(rows, insert.group(2))) + insert.group(3);
    }

    /** The {@code ?} parameters outside quotes and comments. */
    private static int countParameters(String sql) {
        int count = 0;
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
            } else if (c == '?') {
                count++;
            }
        }
        return count;
    }
}
