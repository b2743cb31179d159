package dev.cairn.runtime.testing;

import dev.cairn.runtime.MigrationSource;
import dev.cairn.runtime.Migrator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.sqlite.SQLiteDataSource;

/**
 * A fresh, empty database for one test: a new SQLite file, or a new database on the shared
 * embedded PostgreSQL server. Also reads the whole database back, so that tests can assert that
 * an error changed nothing.
 */
public final class TestDb {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final DbKind kind;
    private final String jdbcUrl;
    private final DataSource dataSource;
    private final Path file;

    private TestDb(DbKind kind, String jdbcUrl, DataSource dataSource, Path file) {
        this.kind = kind;
        this.jdbcUrl = jdbcUrl;
        this.dataSource = dataSource;
        this.file = file;
    }

    /** A new empty database; SQLite files go into {@code directory}. */
    public static TestDb create(DbKind kind, Path directory) {
        int number = COUNTER.incrementAndGet();
        if (kind == DbKind.SQLITE) {
            Path file = directory.resolve("test-" + number + ".db");
            SQLiteDataSource dataSource = new SQLiteDataSource();
            dataSource.setUrl("jdbc:sqlite:" + file);
            return new TestDb(kind, "jdbc:sqlite:" + file, dataSource, file);
        }
        String name = "test_" + ProcessHandle.current().pid() + "_" + number;
        try (Connection admin = EmbeddedPg.server().getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + name, e);
        }
        return new TestDb(kind, EmbeddedPg.server().getJdbcUrl("postgres", name),
                EmbeddedPg.server().getDatabase("postgres", name), null);
    }

    public DbKind kind() {
        return kind;
    }

    /** The database's JDBC URL, for migrators and child processes. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The SQLite file; only for SQLite. */
    public Path file() {
        return file;
    }

    /** A builder on this database with a short lock timeout, so that a broken lock fails fast. */
    public Migrator.Builder configure(MigrationSource source) {
        return Migrator.configure(source, dataSource).lockTimeout(Duration.ofSeconds(20));
    }

    /**
     * Makes the database refuse writes from new connections and returns a URL for them: SQLite
     * opened read-only (tests run as root, so file permissions would not stop a write),
     * PostgreSQL with read-only transactions by default.
     */
    public String readOnlyUrl() {
        if (kind == DbKind.SQLITE) {
            return jdbcUrl + "?open_mode=1";
        }
        String name = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1, jdbcUrl.indexOf('?'));
        execute("ALTER DATABASE " + name + " SET default_transaction_read_only = on");
        return jdbcUrl;
    }

    /** Runs statements outside Cairn, to set a test up. */
    public void execute(String... sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows of a query, each as its columns' values joined by {@code |}. */
    public List<String> rows(String sql) {
        return withConnection(connection -> {
            List<String> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
                ResultSetMetaData meta = row.getMetaData();
                while (row.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        values.add(String.valueOf(row.getObject(i)));
                    }
                    rows.add(String.join("|", values));
                }
            }
            return rows;
        });
    }

    /** The user tables, lower-case, sorted. */
    public List<String> tables() {
        return List.copyOf(tablesAndColumns().keySet());
    }

    /** Whether a table exists. */
    public boolean hasTable(String name) {
        return tables().contains(name);
    }

    /**
     * Everything in the database except Cairn's append-only log: each table with its columns and
     * all its rows, sorted. Two equal snapshots mean nothing changed.
     */
    public String snapshot() {
        StringBuilder text = new StringBuilder();
        tablesAndColumns().forEach((table, columns) -> {
            if (table.endsWith("cairn_log")) {
                return;
            }
            text.append(table).append(columns).append('\n');
            List<String> rows = new ArrayList<>(rows("SELECT * FROM " + table));
            rows.sort(null);
            rows.forEach(r -> text.append("  ").append(r).append('\n'));
        });
        return text.toString();
    }

    private TreeMap<String, List<String>> tablesAndColumns() {
        return withConnection(connection -> {
            TreeMap<String, List<String>> tables = new TreeMap<>();
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet t = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (t.next()) {
                    String schema = t.getString("TABLE_SCHEM");
                    String name = t.getString("TABLE_NAME").toLowerCase();
                    if (name.startsWith("sqlite_") || "information_schema".equals(schema)) {
                        continue;
                    }
                    String qualified = schema == null || schema.equals("public") ? name : schema + "." + name;
                    List<String> columns = new ArrayList<>();
                    try (ResultSet c = meta.getColumns(null, schema, t.getString("TABLE_NAME"), "%")) {
                        while (c.next()) {
                            columns.add(c.getString("COLUMN_NAME") + " " + c.getString("TYPE_NAME"));
                        }
                    }
                    tables.put(qualified, columns);
                }
            }
            return tables;
        });
    }

    private <T> T withConnection(SqlFunction<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface SqlFunction<T> {
        T apply(Connection connection) throws SQLException;
    }

    @Override
    public String toString() {
        return kind.toString();
    }

}
