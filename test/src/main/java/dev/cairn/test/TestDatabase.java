package dev.cairn.test;

import dev.cairn.runtime.RowMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.sqlite.SQLiteDataSource;

/**
 * A fresh, empty database for one test: a SQLite file in a directory of its own, or a database of
 * its own on the embedded PostgreSQL server the test JVM shares. {@link CairnTest @CairnTest}
 * injects one and drops it after the test; {@link #create} makes one to close yourself.
 *
 * <p>The query helpers run each statement on a connection of their own, outside any migration:
 * they are for setting a test up and for asserting on what the migrations did.
 */
public final class TestDatabase implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final DatabaseKind kind;
    private final String jdbcUrl;
    private final DataSource dataSource;
    private final Runnable drop;

    private TestDatabase(DatabaseKind kind, String jdbcUrl, DataSource dataSource, Runnable drop) {
        this.kind = kind;
        this.jdbcUrl = jdbcUrl;
        this.dataSource = dataSource;
        this.drop = drop;
    }

    /** A new empty database of {@code kind}; {@link #close()} drops it. */
    public static TestDatabase create(DatabaseKind kind) {
        return switch (kind) {
            case SQLITE -> sqlite();
            case POSTGRESQL -> postgresql();
        };
    }

    private static TestDatabase sqlite() {
        Path directory;
        try {
            directory = Files.createTempDirectory("cairn-test-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for a SQLite test database", e);
        }
        String url = "jdbc:sqlite:" + directory.resolve("test.db");
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl(url);
        // The directory also holds the journal or WAL files SQLite creates next to the database.
        return new TestDatabase(DatabaseKind.SQLITE, url, dataSource, () -> deleteTree(directory));
    }

    private static TestDatabase postgresql() {
        String name = "cairn_test_" + COUNTER.incrementAndGet();
        EmbeddedServer.createDatabase(name);
        return new TestDatabase(DatabaseKind.POSTGRESQL, EmbeddedServer.jdbcUrl(name), EmbeddedServer.dataSource(name),
                () -> EmbeddedServer.dropDatabase(name));
    }

    /** Which database this is. */
    public DatabaseKind kind() {
        return kind;
    }

    /** The database's JDBC URL, with credentials where it needs them: for {@code Migrator.configure(source, url)} and tools. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** A data source whose every connection is a new one to this database. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs one statement with {@code ?} parameters and returns its update count (0 for DDL). */
    public int execute(String sql, Object... params) {
        return withStatement(sql, params, PreparedStatement::executeUpdate);
    }

    /** Runs a query with {@code ?} parameters and maps each row, as {@code MigrationContext.query} does. */
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return withStatement(sql, params, statement -> {
            List<T> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(mapper.map(row));
                }
            }
            return rows;
        });
    }

    /**
     * The rows of a query, each as its values joined by {@code |} ({@code null} as {@code null}),
     * which makes a whole result one {@code assertEquals}: {@code List.of("edge-paris|120")}.
     */
    public List<String> rows(String sql, Object... params) {
        return query(sql, row -> {
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                values.add(String.valueOf(row.getObject(i)));
            }
            return String.join("|", values);
        }, params);
    }

    /** The rows of a query, each a map from column label to value, in column order. */
    public List<Map<String, Object>> queryForList(String sql, Object... params) {
        return query(sql, row -> {
            ResultSetMetaData meta = row.getMetaData();
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                values.put(meta.getColumnLabel(i), row.getObject(i));
            }
            return values;
        }, params);
    }

    /**
     * The names of the tables in the database's current schema, Cairn's included, as the catalog
     * spells them, sorted. For the whole schema, with columns, keys and indexes, see
     * {@link MigrationTester#schema()}.
     */
    public List<String> tables() {
        try (Connection connection = dataSource.getConnection();
                ResultSet table = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (table.next()) {
                names.add(table.getString("TABLE_NAME"));
            }
            return names.stream().sorted().toList();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list the tables of " + this + ": " + e.getMessage(), e);
        }
    }

    /** Drops the database: the PostgreSQL database, or the SQLite file with its directory. */
    @Override
    public void close() {
        drop.run();
    }

    /** The database as messages name it, such as {@code SQLite jdbc:sqlite:/tmp/cairn-test-1/test.db}. */
    @Override
    public String toString() {
        return kind + " " + jdbcUrl;
    }

    private <T> T withStatement(String sql, Object[] params, SqlFunction<T> work) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return work.apply(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("On " + this + ", " + sql + " failed: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the SQLite test database in " + directory, e);
        }
    }

    private interface SqlFunction<T> {
        T apply(PreparedStatement statement) throws SQLException;
    }
}
