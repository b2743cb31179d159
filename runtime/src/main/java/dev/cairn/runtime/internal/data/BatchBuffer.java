package dev.cairn.runtime.internal.data;

import dev.cairn.runtime.Database;
import dev.cairn.runtime.data.Batch;
import dev.cairn.runtime.data.BatchStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link Batch} a row handler writes through: buffered statements in first-use order, each
 * value set tagged with the row that added it, so that a failed row's writes can be dropped and a
 * failed flush retried row by row.
 */
final class BatchBuffer implements Batch, BufferedWrite.Batching {

    private final long number;
    private final Database database;
    private final Connection guarded;
    private final boolean dryRun;
    private final Deadline deadline;
    private final Map<String, BufferedWrite> writes = new LinkedHashMap<>();
    private int currentRow = -1;

    BatchBuffer(long number, Database database, Connection guarded, boolean dryRun, Deadline deadline) {
        this.number = number;
        this.database = database;
        this.guarded = guarded;
        this.dryRun = dryRun;
        this.deadline = deadline;
    }

    @Override
    public long number() {
        return number;
    }

    @Override
    public BatchStatement insert(String sql) {
        return write(sql);
    }

    @Override
    public BatchStatement update(String sql) {
        return write(sql);
    }

    private BatchStatement write(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("a buffered statement needs SQL, not " + sql);
        }
        return writes.computeIfAbsent(sql, text -> new BufferedWrite(text, this));
    }

    @Override
    public String json(Object value) {
        return Json.write(value);
    }

    @Override
    public Database database() {
        return database;
    }

    @Override
    public Connection connection() {
        return guarded;
    }

    @Override
    public boolean isDryRun() {
        return dryRun;
    }

    @Override
    public int currentRow() {
        return currentRow;
    }

    @Override
    public int statementTimeout() {
        return deadline.statementTimeoutSeconds();
    }

    /** Starts row {@code row}: what it queues is tagged with it. Returns a mark to drop back to. */
    int[] startRow(int row) {
        currentRow = row;
        return writes.values().stream().mapToInt(BufferedWrite::size).toArray();
    }

    /** Drops what was queued since {@code mark}: the failed row's writes. */
    void dropSince(int[] mark) {
        List<BufferedWrite> all = new ArrayList<>(writes.values());
        for (int i = 0; i < all.size(); i++) {
            all.get(i).truncate(i < mark.length ? mark[i] : 0);
        }
    }

    /** Values queued in all. */
    long queued() {
        return writes.values().stream().mapToLong(BufferedWrite::size).sum();
    }

    /** The SQL of each buffered statement, for a dry run's report. */
    List<String> statements() {
        return writes.values().stream().map(w -> w.sql() + " -- " + w.size() + (w.size() == 1 ? " row" : " rows")).toList();
    }

    /** Runs every buffered statement, in first-use order. */
    void flush(Connection connection) throws SQLException {
        for (BufferedWrite write : writes.values()) {
            write.flush(connection);
        }
    }

    /** Runs the writes of one row, in first-use order. */
    void flushRow(Connection connection, int row) throws SQLException {
        for (BufferedWrite write : writes.values()) {
            write.flushRow(connection, row);
        }
    }
}
