package dev.cairn.test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads a {@link Schema} from JDBC's {@link DatabaseMetaData}, and triggers, which JDBC does not
 * describe, from the database's own catalog.
 */
final class SchemaReader {

    private static final String[] TYPES = {"TABLE", "VIEW", "SEQUENCE", "MATERIALIZED VIEW", "PARTITIONED TABLE"};
    private static final Set<Integer> SIZED_TYPES = Set.of(Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR,
            Types.BINARY, Types.VARBINARY, Types.NUMERIC, Types.DECIMAL);

    private final Connection connection;
    private final DatabaseMetaData meta;
    private final DatabaseKind kind;
    private final String currentSchema;

    private SchemaReader(Connection connection, DatabaseKind kind) throws SQLException {
        this.connection = connection;
        this.meta = connection.getMetaData();
        this.kind = kind;
        this.currentSchema = connection.getSchema();
    }

    /**
     * The schema of {@code database}, without the tables named in {@code excluded} (bare names
     * mean the current schema, {@code schema.table} any other).
     */
    static Schema read(TestDatabase database, Set<String> excluded) {
        try (Connection connection = database.dataSource().getConnection()) {
            return new SchemaReader(connection, database.kind()).read(excluded);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the schema of " + database + ": " + e.getMessage(), e);
        }
    }

    /** A table as JDBC locates it ({@code schema} is null on SQLite), and as the schema names it. */
    record Located(String schema, String table, String name, String kind) {
    }

    private Schema read(Set<String> excluded) throws SQLException {
        List<Located> found = new ArrayList<>();
        try (ResultSet row = meta.getTables(null, null, "%", TYPES)) {
            while (row.next()) {
                String schema = row.getString("TABLE_SCHEM");
                String table = row.getString("TABLE_NAME");
                String name = nameOf(schema, table);
                String kind = row.getString("TABLE_TYPE").toLowerCase(Locale.ROOT);
                boolean system = table.startsWith("sqlite_") || (schema != null
                        && (schema.equals("information_schema") || schema.startsWith("pg_")));
                if (!system && !isExcluded(excluded, kind, name) && !isExcluded(excluded, kind, schema + "." + table)) {
                    found.add(new Located(schema, table, name, kind));
                }
            }
        }
        List<Schema.Table> tables = new ArrayList<>();
        for (Located table : found) {
            tables.add(new Schema.Table(table.name(), table.kind(), columns(table), primaryKey(table), indexes(table),
                    ForeignKeyReader.read(meta, table, this::nameOf), triggers(table)));
        }
        tables.sort(Comparator.comparing(Schema.Table::name));
        return new Schema(tables);
    }

    /** Whether a relation is an excluded table, or the sequence of an identity column of one ({@code cairn_log_id_seq}). */
    private static boolean isExcluded(Set<String> excluded, String kind, String name) {
        return excluded.contains(name) || (kind.equals("sequence")
                && excluded.stream().anyMatch(table -> name.startsWith(table + "_") && name.endsWith("_seq")));
    }

    /** The bare name in the current schema, {@code schema.table} elsewhere. */
    private String nameOf(String schema, String table) {
        return schema == null || schema.equals(currentSchema) ? table : schema + "." + table;
    }

    private List<Schema.Column> columns(Located table) throws SQLException {
        List<Schema.Column> columns = new ArrayList<>();
        try (ResultSet row = meta.getColumns(null, table.schema(), table.table(), "%")) {
            while (row.next()) {
                // The table name is a LIKE pattern here: "a_b" matches "axb" too.
                if (row.getString("TABLE_NAME").equals(table.table()) && Objects.equals(row.getString("TABLE_SCHEM"), table.schema())) {
                    columns.add(new Schema.Column(row.getString("COLUMN_NAME"), type(row),
                            row.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls, Optional.ofNullable(row.getString("COLUMN_DEF"))));
                }
            }
        }
        return columns;
    }

    private static String type(ResultSet column) throws SQLException {
        String name = column.getString("TYPE_NAME");
        int size = column.getInt("COLUMN_SIZE");
        // Unbounded text reports a huge size: PostgreSQL's VARCHAR the largest int, SQLite's TEXT two billion.
        if (!SIZED_TYPES.contains(column.getInt("DATA_TYPE")) || size <= 0 || size >= 1_000_000_000) {
            return name;
        }
        int digits = column.getInt("DECIMAL_DIGITS");
        return name + "(" + size + (digits > 0 ? "," + digits : "") + ")";
    }

    private List<String> primaryKey(Located table) throws SQLException {
        Map<Integer, String> columns = new TreeMap<>();
        try (ResultSet row = meta.getPrimaryKeys(null, table.schema(), table.table())) {
            while (row.next()) {
                columns.put(row.getInt("KEY_SEQ"), row.getString("COLUMN_NAME"));
            }
        }
        return List.copyOf(columns.values());
    }

    /** One column of an index, as JDBC lists them. */
    private record IndexColumn(String index, boolean unique, int position, String column, String condition) {
    }

    private List<Schema.Index> indexes(Located table) throws SQLException {
        List<IndexColumn> rows = new ArrayList<>();
        try (ResultSet row = meta.getIndexInfo(null, table.schema(), table.table(), false, true)) {
            while (row.next()) {
                if (row.getShort("TYPE") != DatabaseMetaData.tableIndexStatistic) {
                    rows.add(new IndexColumn(row.getString("INDEX_NAME"), !row.getBoolean("NON_UNIQUE"), row.getInt("ORDINAL_POSITION"),
                            // SQLite's driver names no expression: a column of one is null.
                            Objects.requireNonNullElse(row.getString("COLUMN_NAME"), "(expression)")
                                    + ("D".equals(row.getString("ASC_OR_DESC")) ? " DESC" : ""),
                            row.getString("FILTER_CONDITION")));
                }
            }
        }
        return rows.stream().collect(Collectors.groupingBy(IndexColumn::index, TreeMap::new, Collectors.toList())).values()
                .stream().map(columns -> {
                    IndexColumn first = columns.get(0);
                    return new Schema.Index(first.index(), first.unique(), columns.stream()
                            .sorted(Comparator.comparingInt(IndexColumn::position)).map(IndexColumn::column).toList(),
                            Optional.ofNullable(first.condition()));
                }).toList();
    }

    private List<String> triggers(Located table) throws SQLException {
        return switch (kind) {
            case SQLITE -> names("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY name",
                    table.table());
            case POSTGRESQL -> names("SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE NOT t.tgisinternal AND c.relname = ? AND n.nspname = ? ORDER BY t.tgname",
                    table.table(), table.schema());
        };
    }

    private List<String> names(String sql, String... params) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setString(i + 1, params[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    names.add(row.getString(1));
                }
            }
        }
        return names;
    }
}
