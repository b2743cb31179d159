package dev.cairn.runtime.internal.conditions;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Looks tables and columns up in the catalog through JDBC's {@link DatabaseMetaData}, which every
 * driver answers, so that any database gets the table and column checks. A name is found as
 * stored, or in lower case where the database folds unquoted names to it (PostgreSQL), or in
 * any case where names are not case sensitive (SQLite); {@code schema.table} looks in that
 * schema, a bare name in the connection's current one.
 */
final class Catalog {

    /** A relation of the catalog: its name and schema as stored, and whether it is a view. */
    record Relation(String schema, String name, boolean view) {

        String shown() {
            return (view ? "a view " : "a table ") + name + (schema == null || schema.isEmpty() ? "" : " in schema " + schema);
        }
    }

    /** A column as the catalog lists it. */
    record Column(String name, String type) {
    }

    private final Supplier<Connection> connection;

    Catalog(Supplier<Connection> connection) {
        this.connection = connection;
    }

    /** The table or view {@code qualified} names, if there is one. */
    Optional<Relation> relation(String qualified) throws SQLException {
        DatabaseMetaData meta = connection.get().getMetaData();
        int dot = qualified.indexOf('.');
        String schema = dot < 0 ? connection.get().getSchema() : qualified.substring(0, dot);
        String name = dot < 0 ? qualified : qualified.substring(dot + 1);
        List<Relation> found = new ArrayList<>();
        // The name is a LIKE pattern, where an underscore matches any character: the exact name is picked below.
        try (ResultSet tables = meta.getTables(null, schema, name, new String[] {"TABLE", "PARTITIONED TABLE", "VIEW"})) {
            while (tables.next()) {
                found.add(new Relation(tables.getString("TABLE_SCHEM"), tables.getString("TABLE_NAME"),
                        "VIEW".equals(tables.getString("TABLE_TYPE"))));
            }
        }
        String folded = qualified.toLowerCase(Locale.ROOT);
        if (found.isEmpty() && meta.storesLowerCaseIdentifiers() && !qualified.equals(folded)) {
            return relation(folded);
        }
        return found.stream().filter(r -> r.name().equals(name)).findFirst()
                .or(() -> found.stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst());
    }

    /** The columns of {@code relation}, in order. */
    List<Column> columns(Relation relation) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (ResultSet column = connection.get().getMetaData().getColumns(null, relation.schema(), relation.name(), "%")) {
            while (column.next()) {
                // The names are LIKE patterns too.
                if (column.getString("TABLE_NAME").equals(relation.name())
                        && Objects.equals(column.getString("TABLE_SCHEM"), relation.schema())) {
                    columns.add(new Column(column.getString("COLUMN_NAME"), column.getString("TYPE_NAME")));
                }
            }
        }
        return columns;
    }

    /** The column of that name, as {@link #relation} finds names. */
    static Optional<Column> find(List<Column> columns, String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .or(() -> columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst());
    }
}
