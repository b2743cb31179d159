package dev.cairn.runtime.internal.sqlite;

import dev.cairn.runtime.spi.ForeignKeyGuard;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQLite's foreign keys switched off around a transaction that rebuilds a table, as
 * https://www.sqlite.org/lang_altertable.html#otheralter prescribes: {@code PRAGMA foreign_key_check}
 * before commit, enforcement restored after. Violations that were there before the transaction
 * are someone else's and do not fail it.
 *
 * <p>Violations are counted per foreign key, not identified by row: a {@code WITHOUT ROWID}
 * table reports no rowid, and the rebuild of a child table renumbers its rowids, so rows cannot
 * be matched before and after. A foreign key with more violating rows after than before has new
 * ones.
 */
final class SqliteForeignKeysOff implements ForeignKeyGuard {

    private static final int SHOWN = 10;

    private final Connection connection;
    private Map<ForeignKey, Integer> before = Map.of();

    /** One foreign key: {@code fkid} numbers the child table's foreign keys. */
    private record ForeignKey(String child, String parent, int fkid) {
    }

    private SqliteForeignKeysOff(Connection connection) {
        this.connection = connection;
    }

    /** Switches enforcement off; outside a transaction, where SQLite honours the switch. */
    static SqliteForeignKeysOff switchOff(Connection connection) throws SQLException {
        execute(connection, "PRAGMA foreign_keys = OFF");
        return new SqliteForeignKeysOff(connection);
    }

    @Override
    public boolean switchedOff() {
        return true;
    }

    @Override
    public void start() throws SQLException {
        before = violations();
    }

    @Override
    public void check() throws SQLException {
        List<String> added = new ArrayList<>();
        violations().forEach((key, count) -> {
            int earlier = before.getOrDefault(key, 0);
            if (count > earlier) {
                added.add(count + (count == 1 ? " row of " : " rows of ") + key.child() + (count == 1 ? " references" : " reference")
                        + " a missing row of " + key.parent() + " (" + earlier + " before this migration)");
            }
        });
        if (!added.isEmpty()) {
            throw new SQLException("foreign key check failed: " + String.join("; ", added.subList(0, Math.min(SHOWN, added.size())))
                    + (added.size() > SHOWN ? "; and " + (added.size() - SHOWN) + " more" : ""), "23000");
        }
    }

    /** The number of violating rows of each foreign key that has any. */
    private Map<ForeignKey, Integer> violations() throws SQLException {
        Map<ForeignKey, Integer> found = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("PRAGMA foreign_key_check")) {
            while (row.next()) {
                found.merge(new ForeignKey(row.getString(1), row.getString(3), row.getInt(4)), 1, Integer::sum);
            }
        }
        return found;
    }

    @Override
    public void close() throws SQLException {
        execute(connection, "PRAGMA foreign_keys = ON");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
