package dev.cairn.runtime.internal.sqlfile;

import dev.cairn.runtime.RepeatableMigration;
import dev.cairn.runtime.spi.DatabaseSupport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The table of repeatable migrations beside the history ({@code cairn_history_repeatable}): one row
 * per repeatable migration that ran, with the checksum it last ran with. Created the first time a
 * repeatable migration runs, so databases without any never have it. Each method is one statement
 * (the catalog read aside), so that callers control transactions.
 */
public final class RepeatableStore {

    /** What the table's name adds to the history table's. */
    public static final String SUFFIX = "_repeatable";

    private final DatabaseSupport support;
    private final String name;
    private final String sql;

    /** @param historyTable the history table's bare name */
    public RepeatableStore(DatabaseSupport support, String historyTable) {
        this.support = support;
        this.name = historyTable + SUFFIX;
        this.sql = support.qualify(name);
    }

    /** The table as SQL names it, for messages. */
    public String table() {
        return sql;
    }

    /**
     * The repeatable migrations that ran, by name; empty if none ever did (no table). Reads the
     * catalog first, so that on PostgreSQL a missing table does not abort the transaction.
     */
    public Map<String, Applied> read(Connection connection) throws SQLException {
        Map<String, Applied> applied = new LinkedHashMap<>();
        if (!support.tableExists(connection, name)) {
            return applied;
        }
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(
                "SELECT name, description, checksum, installed_on, installed_by, execution_ms FROM " + sql + " ORDER BY name")) {
            while (row.next()) {
                applied.put(row.getString("name"), new Applied(row.getString("name"), row.getString("description"),
                        row.getString("checksum"), support.getInstant(row, "installed_on"), row.getString("installed_by"),
                        row.getLong("execution_ms")));
            }
        }
        return applied;
    }

    /** The checksum {@code name} last ran with, if it ran; the table must exist. */
    public Optional<String> checksumOf(Connection connection, String repeatable) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT checksum FROM " + sql + " WHERE name = ?")) {
            statement.setString(1, repeatable);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    /** Creates the table if it is missing; the history table's schema exists already. */
    public void createIfMissing(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // Standard types that SQLite and PostgreSQL read alike; the instant is written as the database's support writes it.
            statement.execute("CREATE TABLE IF NOT EXISTS " + sql + " (name VARCHAR(200) NOT NULL PRIMARY KEY,"
                    + " description TEXT NOT NULL, checksum VARCHAR(200) NOT NULL, installed_on TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " installed_by VARCHAR(200) NOT NULL, execution_ms BIGINT NOT NULL)");
        }
    }

    /** Forgets every run, if the table exists: the next migrate runs every repeatable migration again. */
    public void forgetAll(Connection connection) throws SQLException {
        if (support.tableExists(connection, name)) {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM " + sql);
            }
        }
    }

    /** Records that {@code repeatable} ran with its current checksum, replacing the row of its last run. */
    public void record(Connection connection, RepeatableMigration repeatable, Instant on, String by, long millis)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + sql + " WHERE name = ?")) {
            delete.setString(1, repeatable.name());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + sql
                + " (name, description, checksum, installed_on, installed_by, execution_ms) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, repeatable.name());
            insert.setString(2, repeatable.description());
            insert.setString(3, repeatable.checksum());
            support.setInstant(insert, 4, on);
            insert.setString(5, by);
            insert.setLong(6, millis);
            insert.executeUpdate();
        }
    }

    /**
     * One row: a repeatable migration as it last ran.
     *
     * @param checksum the checksum it ran with
     */
    public record Applied(String name, String description, String checksum, Instant installedOn, String installedBy,
            long executionMs) {
    }
}
