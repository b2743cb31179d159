package dev.cairn.runtime.internal.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a source's key space into ranges for parallel workers, with one key-only scan streamed
 * in key order (never {@code OFFSET}): every n-th key ends a range.
 */
final class RangeSplitter {

    /** Ranges per worker, so that a worker that finishes early finds another range to take. */
    private static final int RANGES_PER_WORKER = 2;
    private static final int FETCH_SIZE = 1_000;

    private final BatchPlan plan;
    private final PagingSql sql;

    RangeSplitter(BatchPlan plan, PagingSql sql) {
        this.plan = plan;
        this.sql = sql;
    }

    /**
     * The last key of each range but the last, in order; none for one worker. Inside a
     * transaction, so that PostgreSQL streams the scan through a cursor.
     */
    List<List<Object>> boundaries(Connection connection, Long total, int workers) throws SQLException {
        List<List<Object>> boundaries = new ArrayList<>();
        if (workers <= 1 || total == null || total < 2) {
            return boundaries;
        }
        long ranges = Math.min((long) workers * RANGES_PER_WORKER, total);
        long step = (total + ranges - 1) / ranges;
        try (PreparedStatement scan = connection.prepareStatement(sql.keys())) {
            scan.setFetchSize(FETCH_SIZE);
            try (ResultSet row = scan.executeQuery()) {
                int columns = plan.key().size();
                long seen = 0;
                while (row.next()) {
                    if (++seen % step == 0 && boundaries.size() < ranges - 1) {
                        List<Object> key = new ArrayList<>(columns);
                        for (int i = 1; i <= columns; i++) {
                            key.add(PageReader.keyValue(row, i, PageReader.value(row, i)));
                        }
                        boundaries.add(key);
                    }
                }
            }
        }
        return boundaries;
    }

    /** Refuses a source with rows whose key has a {@code NULL}: keyset pagination would never reach them. */
    void checkNoNullKeys(Connection connection) throws SQLException, BatchProblem {
        try (PreparedStatement count = connection.prepareStatement(sql.nullKeys()); ResultSet row = count.executeQuery()) {
            row.next();
            long nulls = row.getLong(1);
            if (nulls > 0) {
                throw new BatchProblem(BatchProblem.Kind.KEY, "before its first batch: " + nulls + (nulls == 1 ? " row" : " rows")
                        + " of " + plan.describeSource() + (nulls == 1 ? " has" : " have") + " a NULL in the key " + plan.key()
                        + ", which paging by that key would never reach", sql.nullKeys(), null);
            }
        }
    }
}
