package dev.cairn.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What is in the database, read through JDBC metadata without changing anything: its tables with
 * their row counts and, for {@code inspect} (seed 000's performance view), their indexes and sizes.
 */
final class DatabaseInspector {

    /** One index of a table. */
    record Index(String name, List<String> columns, boolean unique) {
    }

    /** One table; {@code bytes} is empty where the database cannot tell a table's size. */
    record Table(String name, long rows, List<Index> indexes, Optional<Long> bytes) {

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", name);
            json.put("rows", rows);
            json.put("indexes", indexes.stream().map(i -> {
                Map<String, Object> index = new LinkedHashMap<>();
                index.put("name", i.name());
                index.put("columns", i.columns());
                index.put("unique", i.unique());
                return index;
            }).toList());
            json.put("bytes", bytes.orElse(null));
            return json;
        }
    }

    /** The database's tables, and its whole size in bytes. */
    record Contents(String product, List<Table> tables, long bytes) {
    }

    private DatabaseInspector() {
    }

    /**
     * Reads the tables of the database; with {@code details}, their indexes and sizes too.
     *
     * @param database the database as messages name it, without credentials (the migrator's configuration read-back)
     * @throws CliException when the SQLite file does not exist (opening it would create it) or the database cannot be read
     */
    static Contents inspect(Setup setup, String database, boolean details) {
        DatabaseUrl url = setup.requireUrl();
        Optional<Path> missing = url.sqliteFile().filter(file -> !Files.exists(file));
        if (missing.isPresent()) {
            throw CliException.failure("NO_DATABASE", "Cannot inspect the database: there is no SQLite database at "
                    + missing.get().toAbsolutePath() + ". Check the path, or run migrate to create a new database there.");
        }
        try (Connection connection = DriverManager.getConnection(setup.jdbcUrl())) {
            DatabaseMetaData metadata = connection.getMetaData();
            boolean postgres = metadata.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            String schema = postgres ? connection.getSchema() : null;
            List<Table> tables = new ArrayList<>();
            for (String name : tableNames(metadata, schema)) {
                String quoted = (schema == null ? "" : quote(schema) + ".") + quote(name);
                tables.add(new Table(name, count(connection, quoted), details ? indexes(metadata, schema, name) : List.of(),
                        details ? size(connection, postgres, quoted, name) : Optional.empty()));
            }
            return new Contents(metadata.getDatabaseProductName(), tables, details ? databaseSize(connection, postgres) : 0);
        } catch (SQLException e) {
            throw CliException.failure("CONNECTION", "Cannot read the tables of " + database + ": " + withoutPassword(e.getMessage(), setup)
                    + ". Check that the database is reachable and that this user may read its catalog.");
        }
    }

    /** The tables and their rows, as status --verbose prints them. */
    static String rowCounts(List<Table> tables) {
        StringBuilder text = new StringBuilder("Tables: ").append(tables.size());
        int width = tables.stream().mapToInt(t -> t.name().length()).max().orElse(0);
        for (Table table : tables) {
            text.append(String.format(Locale.ROOT, "%n  %-" + width + "s  %,d %s", table.name(), table.rows(),
                    table.rows() == 1 ? "row" : "rows"));
        }
        return text.toString();
    }

    private static List<String> tableNames(DatabaseMetaData metadata, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = metadata.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.startsWith("sqlite_")) {
                    names.add(name);
                }
            }
        }
        names.sort(null);
        return names;
    }

    private static long count(Connection connection, String quoted) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + quoted)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Index> indexes(DatabaseMetaData metadata, String schema, String table) throws SQLException {
        Map<String, List<String>> columns = new TreeMap<>();
        Map<String, Boolean> unique = new TreeMap<>();
        try (ResultSet rs = metadata.getIndexInfo(null, schema, table, false, true)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                if (name == null) {
                    continue; // table statistics, not an index
                }
                columns.computeIfAbsent(name, n -> new ArrayList<>()).add(rs.getString("COLUMN_NAME"));
                unique.put(name, !rs.getBoolean("NON_UNIQUE"));
            }
        }
        List<Index> indexes = new ArrayList<>();
        columns.forEach((name, of) -> indexes.add(new Index(name, List.copyOf(of), unique.get(name))));
        return indexes;
    }

    private static Optional<Long> size(Connection connection, boolean postgres, String quoted, String name) {
        String sql = postgres ? "SELECT pg_total_relation_size(?::regclass)" : "SELECT SUM(pgsize) FROM dbstat WHERE name = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, postgres ? quoted : name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException noDbstat) {
            // SQLite builds without the dbstat table cannot size a table; the database's size is still known.
            return Optional.empty();
        }
    }

    private static long databaseSize(Connection connection, boolean postgres) throws SQLException {
        String sql = postgres ? "SELECT pg_database_size(current_database())"
                : "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()";
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * A driver's message with the password cut out, as given and as the URL carries it
     * (URL-encoded), should the driver echo the URL it was given.
     */
    static String withoutPassword(String message, Setup setup) {
        return setup.password() == null || setup.password().isBlank() || message == null ? message
                : message.replace(setup.password(), "***")
                        .replace(URLEncoder.encode(setup.password(), StandardCharsets.UTF_8), "***");
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
