package dev.cairn.bench.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run's one embedded PostgreSQL server (io.zonky, the binaries from Maven Central), started
 * once by the harness; each sample gets a database of its own, empty or copied from a template
 * ({@code CREATE DATABASE ... TEMPLATE}).
 */
public final class PgServer implements AutoCloseable {

    private final EmbeddedPostgres server;

    private PgServer(EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * Starts the server with io.zonky's settings (no fsync, no synchronous commit), and buffers and a
     * WAL sized for the data scenario's million rows, so that checkpoints do not come in the middle of it.
     */
    public static PgServer start() throws IOException {
        return new PgServer(EmbeddedPostgres.builder()
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("max_wal_size", "8GB")
                .start());
    }

    /**
     * Starts a second server, only for counting statements: the same settings plus
     * {@code pg_stat_statements}, which costs a little on every statement, so no timed sample runs on it.
     */
    public static PgServer startCountingStatements() throws IOException {
        return new PgServer(EmbeddedPostgres.builder()
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("max_wal_size", "8GB")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.max", "20000")
                .start());
    }

    /** Installs pg_stat_statements (on a server from {@link #startCountingStatements}) and forgets what it counted. */
    public void resetStatementCounts() throws SQLException {
        admin("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        admin("SELECT pg_stat_statements_reset()");
    }

    /** The statements run in {@code database} since the last reset. */
    public long statementCount(String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url("postgres"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COALESCE(SUM(calls), 0) FROM pg_stat_statements"
                        + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '" + database + "')")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The JDBC URL of a database of this server, for children. */
    public String url(String database) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database + "?user=postgres";
    }

    /** Creates an empty database, or one copied from {@code template} (null: empty). */
    public void create(String database, String template) throws SQLException {
        admin("CREATE DATABASE " + database + (template == null ? "" : " TEMPLATE " + template));
    }

    public void drop(String database) throws SQLException {
        admin("DROP DATABASE IF EXISTS " + database);
    }

    /** The server's version and the settings that decide how fast commits are. */
    public Map<String, String> facts() throws SQLException {
        Map<String, String> facts = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(url("postgres"));
                Statement statement = connection.createStatement()) {
            for (String setting : new String[] {"server_version", "fsync", "synchronous_commit", "full_page_writes", "shared_buffers", "max_wal_size"}) {
                try (ResultSet rows = statement.executeQuery("SHOW " + setting)) {
                    rows.next();
                    facts.put(setting, rows.getString(1));
                }
            }
        }
        return facts;
    }

    private void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url("postgres"));
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
