package dev.cairn.runtime.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * SQLite's foreign keys switched off around a transaction that rebuilds a table, as
 * https://www.sqlite.org/lang_altertable.html#otheralter prescribes: {@code PRAGMA foreign_key_check}
 * before commit, enforcement restored after. Violations that were there before the transaction
 * are someone else's and do not fail it.
 */
final class SqliteForeignKeysOff implements ForeignKeyGuard {

    private static final int SHOWN = 10;

    private final Connection connection;
    private Set<String> before = Set.of();

    private SqliteForeignKeysOff(Connection connection) {
        this.connection = connection;
    }

    /** Switches enforcement off; outside a transaction, where SQLite honours the switch. */
    static SqliteForeignKeysOff switchOff(Connection connection) throws SQLException {
        execute(connection, "PRAGMA foreign_keys = OFF");
        return new SqliteForeignKeysOff(connection);
    }

    @Override
    public void start() throws SQLException {
        before = violations();
    }

    @Override
    public void check() throws SQLException {
        List<String> added = new ArrayList<>(violations());
        added.removeAll(before);
        if (!added.isEmpty()) {
            throw new SQLException("foreign key check failed: " + String.join("; ", added.subList(0, Math.min(SHOWN, added.size())))
                    + (added.size() > SHOWN ? "; and " + (added.size() - SHOWN) + " more" : ""), "23000");
        }
    }

    /** Each violation as text; the row is identified by its table and rowid, which the rebuild of another table keeps. */
    private Set<String> violations() throws SQLException {
        Set<String> found = new LinkedHashSet<>();
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("PRAGMA foreign_key_check")) {
            while (row.next()) {
                found.add("row " + row.getLong(2) + " of " + row.getString(1) + " references a missing row of " + row.getString(3));
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
