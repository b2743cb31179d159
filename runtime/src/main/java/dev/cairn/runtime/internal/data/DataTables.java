package dev.cairn.runtime.internal.data;

import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.spi.DatabaseSupport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cairn's tables for data migrations, created when the first one runs, never on the up-to-date
 * path: {@code <history>_data}, one row per key range of a running data migration and direction
 * with its checkpoint (deleted once the migration is recorded), and {@code <history>_quarantine},
 * the rows set aside under {@link dev.cairn.runtime.data.OnError#QUARANTINE}. Each method is one
 * statement, in the caller's transaction.
 */
public final class DataTables {

    /** A run's ranges before they are planned: written with the run's marker, so that the run counts as resumable. */
    private static final int RESERVED = 0;
    private static final String OPEN = "open";
    private static final String DONE = "done";
    private static final String PLANNED = "planned";
    private static final int MAX_IDENTIFIER = 63;
    /** What the checkpoint table's name adds to the history table's. */
    public static final String DATA_SUFFIX = "_data";
    /** What the quarantine table's name adds to the history table's. */
    public static final String QUARANTINE_SUFFIX = "_quarantine";

    private final DatabaseSupport support;
    private final String dataName;
    private final String quarantineName;
    private final String data;
    private final String quarantine;

    public DataTables(DatabaseSupport support, String historyTable) {
        this.support = support;
        this.dataName = historyTable + DATA_SUFFIX;
        this.quarantineName = historyTable + QUARANTINE_SUFFIX;
        this.data = support.qualify(dataName);
        this.quarantine = support.qualify(quarantineName);
    }

    /** The checkpoint table as SQL names it, for messages. */
    public String dataTable() {
        return data;
    }

    /** The quarantine table as SQL names it, for messages. */
    public String quarantineTable() {
        return quarantine;
    }

    /** Creates both tables if missing. */
    public void ensure(Connection connection) throws SQLException {
        if (quarantineName.length() > MAX_IDENTIFIER) {
            throw new MigrationException(ErrorCode.INVALID_CONFIGURATION, "Data migrations keep their checkpoints in "
                    + dataName + " and set rows aside in " + quarantineName + ", which is longer than the " + MAX_IDENTIFIER
                    + " characters PostgreSQL keeps: give historyTable a name of at most " + (MAX_IDENTIFIER - 11)
                    + " characters. Nothing was changed.");
        }
        if (!support.tableExists(connection, dataName)) {
            execute(connection, "CREATE TABLE " + data + " (version VARCHAR(50) NOT NULL, direction VARCHAR(4) NOT NULL,"
                    + " range_no INTEGER NOT NULL, checksum VARCHAR(200), range_after TEXT, range_upto TEXT, last_key TEXT,"
                    + " rows_done BIGINT NOT NULL, quarantined BIGINT NOT NULL, batches BIGINT NOT NULL, total BIGINT,"
                    + " state VARCHAR(10) NOT NULL, updated_on VARCHAR(40) NOT NULL,"
                    + " PRIMARY KEY (version, direction, range_no))");
        }
        if (!support.tableExists(connection, quarantineName)) {
            execute(connection, "CREATE TABLE " + quarantine + " (version VARCHAR(50) NOT NULL, direction VARCHAR(4) NOT NULL,"
                    + " row_key TEXT NOT NULL, error TEXT NOT NULL, raw_value TEXT, quarantined_on VARCHAR(40) NOT NULL)");
        }
    }

    /**
     * Marks the start of a run of {@code version} in {@code direction}, unless an interrupted run
     * left its ranges: a placeholder that the run replaces with its ranges once it knows its source.
     */
    public void reserve(Connection connection, String version, String direction, String checksum) throws SQLException {
        ensure(connection);
        if (hasRun(connection, version, direction)) {
            return;
        }
        // A run from the beginning: rows an earlier run set aside, since rolled back, are that run's.
        try (PreparedStatement clear = connection.prepareStatement("DELETE FROM " + quarantine
                + " WHERE version = ? AND direction = ?")) {
            clear.setString(1, version);
            clear.setString(2, direction);
            clear.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + data + " (version, direction, range_no,"
                + " checksum, rows_done, quarantined, batches, state, updated_on) VALUES (?, ?, ?, ?, 0, 0, 0, ?, ?)")) {
            insert.setString(1, version);
            insert.setString(2, direction);
            insert.setInt(3, RESERVED);
            insert.setString(4, checksum);
            insert.setString(5, PLANNED);
            insert.setString(6, now());
            insert.executeUpdate();
        }
    }

    /**
     * Refuses to resume a run of {@code m} that stopped part way under other code (another
     * checksum): its committed batches and its checkpoint follow the old code's source and key.
     */
    public void checkResumable(Connection connection, MigrationDescriptor m, boolean rollback) throws SQLException {
        if (!support.tableExists(connection, dataName)) {
            return;
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT checksum FROM " + data
                + " WHERE version = ? AND direction = ?")) {
            query.setString(1, m.version().toString());
            query.setString(2, rollback ? "down" : "up");
            try (ResultSet row = query.executeQuery()) {
                String recorded = row.next() ? row.getString(1) : null;
                if (recorded != null && !recorded.equals(m.checksum())) {
                    throw DataFailures.changedSinceInterrupted(m, rollback, recorded, data);
                }
            }
        }
    }

    /** Whether a run of {@code version} in {@code direction} left its reservation or ranges: the next one resumes it. */
    boolean hasRun(Connection connection, String version, String direction) throws SQLException {
        if (!support.tableExists(connection, dataName)) {
            return false;
        }
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM " + data
                + " WHERE version = ? AND direction = ?")) {
            exists.setString(1, version);
            exists.setString(2, direction);
            try (ResultSet row = exists.executeQuery()) {
                return row.next();
            }
        }
    }

    /**
     * Whether a run of {@code version} in {@code direction} committed a batch: what its
     * preconditions check may since have changed. A run stopped before its first batch committed
     * none, and starts over checked.
     */
    boolean committedBatches(Connection connection, String version, String direction) throws SQLException {
        if (!support.tableExists(connection, dataName)) {
            return false;
        }
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM " + data
                + " WHERE version = ? AND direction = ? AND batches > 0")) {
            exists.setString(1, version);
            exists.setString(2, direction);
            try (ResultSet row = exists.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Whether the run's ranges are still to be planned (only the placeholder of {@link #reserve} is there). */
    boolean needsPlanning(Connection connection, String version, String direction) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT state FROM " + data
                + " WHERE version = ? AND direction = ? AND range_no = ?")) {
            query.setString(1, version);
            query.setString(2, direction);
            query.setInt(3, RESERVED);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && PLANNED.equals(row.getString(1));
            }
        }
    }

    /** Replaces the placeholder with the run's ranges, numbered from 1. */
    void plan(Connection connection, String version, String direction, String checksum, List<List<Object>> boundaries,
            Long total) throws SQLException {
        delete(connection, version, direction);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + data + " (version, direction, range_no,"
                + " checksum, range_after, range_upto, rows_done, quarantined, batches, total, state, updated_on)"
                + " VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?)")) {
            for (int i = 0; i <= boundaries.size(); i++) {
                insert.setString(1, version);
                insert.setString(2, direction);
                insert.setInt(3, i + 1);
                insert.setString(4, checksum);
                insert.setString(5, i == 0 ? null : KeyCodec.encode(boundaries.get(i - 1)));
                insert.setString(6, i == boundaries.size() ? null : KeyCodec.encode(boundaries.get(i)));
                insert.setObject(7, total);
                insert.setString(8, OPEN);
                insert.setString(9, now());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Every range of the run, by number. */
    List<RangeRow> ranges(Connection connection, String version, String direction) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SELECT_RANGE + data
                + " WHERE version = ? AND direction = ? AND range_no > 0 ORDER BY range_no")) {
            query.setString(1, version);
            query.setString(2, direction);
            List<RangeRow> ranges = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    ranges.add(range(row));
                }
            }
            return ranges;
        }
    }

    private static final String SELECT_RANGE = "SELECT range_no, range_after, range_upto, last_key, rows_done, quarantined,"
            + " batches, total, state FROM ";

    /**
     * Claims an open range for one batch, in the caller's transaction, which holds it until it
     * ends: {@code null} if every range is done or held by another worker.
     *
     * @param skipLocked the clause that makes the query lock the row it returns and pass over rows
     *     other transactions hold, such as {@code FOR UPDATE SKIP LOCKED}; empty where a
     *     transaction holds the whole database's write lock (SQLite)
     */
    RangeRow claim(Connection connection, String version, String direction, String skipLocked) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SELECT_RANGE + data + " WHERE version = ? AND direction = ?"
                + " AND range_no > 0 AND state = ? ORDER BY range_no LIMIT 1 " + skipLocked)) {
            query.setString(1, version);
            query.setString(2, direction);
            query.setString(3, OPEN);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? range(row) : null;
            }
        }
    }

    /** Whether a range other than {@code except} is still open (done or not, held by another worker or not). */
    boolean othersOpen(Connection connection, String version, String direction, int except) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM " + data + " WHERE version = ?"
                + " AND direction = ? AND range_no > 0 AND range_no <> ? AND state <> ?")) {
            query.setString(1, version);
            query.setString(2, direction);
            query.setInt(3, except);
            query.setString(4, DONE);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Writes a range's checkpoint after a batch. */
    void checkpoint(Connection connection, String version, String direction, RangeRow range) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + data + " SET last_key = ?, rows_done = ?,"
                + " quarantined = ?, batches = ?, state = ?, updated_on = ? WHERE version = ? AND direction = ? AND range_no = ?")) {
            update.setString(1, KeyCodec.encode(range.lastKey()));
            update.setLong(2, range.rowsDone());
            update.setLong(3, range.quarantined());
            update.setLong(4, range.batches());
            update.setString(5, range.done() ? DONE : OPEN);
            update.setString(6, now());
            update.setString(7, version);
            update.setString(8, direction);
            update.setInt(9, range.number());
            update.executeUpdate();
        }
    }

    /** Records a row set aside. */
    void quarantine(Connection connection, String version, String direction, List<Object> key, String error, String raw)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + quarantine + " (version, direction,"
                + " row_key, error, raw_value, quarantined_on) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, version);
            insert.setString(2, direction);
            insert.setString(3, KeyCodec.encode(key));
            insert.setString(4, error);
            insert.setString(5, raw);
            insert.setString(6, now());
            insert.executeUpdate();
        }
    }

    /** Deletes the run's ranges, in the transaction that records the migration as done. */
    public void delete(Connection connection, String version, String direction) throws SQLException {
        if (!support.tableExists(connection, dataName)) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + data
                + " WHERE version = ? AND direction = ?")) {
            delete.setString(1, version);
            delete.setString(2, direction);
            delete.executeUpdate();
        }
    }

    /**
     * What the interrupted runs left, for status and migrate: per version, the rows done and
     * quarantined over all ranges and directions. Reads only; empty if the table does not exist.
     */
    public Map<String, RunState> runs(Connection connection) throws SQLException {
        Map<String, RunState> runs = new LinkedHashMap<>();
        if (!support.tableExists(connection, dataName)) {
            return runs;
        }
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT version,"
                + " direction, SUM(rows_done), SUM(quarantined), MAX(total), MAX(updated_on), MAX(checksum),"
                + " SUM(CASE WHEN state = '" + OPEN + "' THEN 1 ELSE 0 END) FROM " + data + " GROUP BY version, direction")) {
            while (row.next()) {
                long count = row.getLong(5);
                Long total = row.wasNull() ? null : count;
                runs.put(row.getString(1), new RunState(row.getString(2), row.getLong(3), row.getLong(4),
                        total, row.getString(6), row.getString(7), row.getLong(8)));
            }
        }
        return runs;
    }

    /** The rows set aside, per version (both directions). Reads only; empty if the table does not exist. */
    public Map<String, Long> quarantined(Connection connection) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (!support.tableExists(connection, quarantineName)) {
            return counts;
        }
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(
                "SELECT version, COUNT(*) FROM " + quarantine + " GROUP BY version")) {
            while (row.next()) {
                counts.put(row.getString(1), row.getLong(2));
            }
        }
        return counts;
    }

    /**
     * What a run left, interrupted or still going.
     *
     * @param total the rows it expected, or {@code null} if not known yet
     * @param updatedOn when its last batch committed
     * @param checksum the checksum of the migration that runs, so that only the same migration joins it
     * @param openRanges how many of its ranges are still to do; 0 before they are planned
     */
    public record RunState(String direction, long rowsDone, long quarantined, Long total, String updatedOn, String checksum,
            long openRanges) {

        /** For status: {@code in progress (up), 1200 of 5000 rows done, 3 quarantined, resumable}. */
        public String describe() {
            return "in progress (" + direction + "), " + rowsDone + (total == null ? "" : " of " + total) + " rows done"
                    + (quarantined > 0 ? ", " + quarantined + " quarantined" : "") + ", last batch committed " + updatedOn
                    + ", resumable: the next " + ("up".equals(direction) ? "migrate" : "rollback") + " goes on from there";
        }
    }

    private static RangeRow range(ResultSet row) throws SQLException {
        long total = row.getLong(8);
        Long knownTotal = row.wasNull() ? null : total;
        return new RangeRow(row.getInt(1), KeyCodec.decode(row.getString(2)), KeyCodec.decode(row.getString(3)),
                KeyCodec.decode(row.getString(4)), row.getLong(5), row.getLong(6), row.getLong(7), knownTotal,
                DONE.equals(row.getString(9)));
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
