package dev.cairn.runtime.internal.flyway;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Flyway's history table, which Cairn never writes. Its name and schema are checked
 * identifiers (the builder's), so they are written into the SQL as they are.
 */
public final class FlywayHistory {

    private final String table;
    private final Optional<String> schema;

    /**
     * @param table the table's name, such as {@code flyway_schema_history}
     * @param schema its schema, if not the connection's current one
     */
    public FlywayHistory(String table, Optional<String> schema) {
        this.table = table;
        this.schema = schema;
    }

    /** The table as SQL names it, for messages. */
    public String name() {
        return schema.map(s -> s + "." + table).orElse(table);
    }

    /** Flyway's rows in the order Flyway applied them, or empty if the table does not exist. Reads the catalog first. */
    public Optional<List<FlywayRow>> read(Connection connection) throws SQLException {
        if (!exists(connection)) {
            return Optional.empty();
        }
        List<FlywayRow> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT installed_rank,"
                + " version, description, type, script, checksum, installed_by, installed_on, execution_time, success FROM "
                + name() + " ORDER BY installed_rank")) {
            while (row.next()) {
                int checksum = row.getInt("checksum");
                Integer recorded = row.wasNull() ? null : checksum;
                Timestamp on = row.getTimestamp("installed_on");
                rows.add(new FlywayRow(row.getInt("installed_rank"), row.getString("version"), row.getString("description"),
                        row.getString("type"), row.getString("script"), recorded, row.getString("installed_by"),
                        on == null ? null : on.toInstant(), row.getLong("execution_time"), row.getBoolean("success")));
            }
        }
        return Optional.of(rows);
    }

    private boolean exists(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String inSchema = schema.orElse(connection.getSchema());
        // The name is a LIKE pattern in which "_" matches any character: compare the names found exactly.
        try (ResultSet tables = meta.getTables(null, inSchema, table, null)) {
            while (tables.next()) {
                if (table.equals(tables.getString("TABLE_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
