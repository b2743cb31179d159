package dev.cairn.bench.db;

import dev.cairn.bench.child.DdlRun;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
     * Starts the server with io.zonky's settings (no fsync, no synchronous commit), buffers and a
     * WAL sized for the data scenario's million rows, so that checkpoints do not come in the middle of it,
     * and autovacuum off, so that no vacuum of a copied template runs during one tool's sample and not
     * another's.
     */
    public static PgServer start() throws IOException, SQLException {
        return started(settings());
    }

    /**
     * Starts a second server, only for counting statements: the same settings plus
     * {@code pg_stat_statements}, which costs a little on every statement, so no timed sample runs on it.
     */
    public static PgServer startCountingStatements() throws IOException, SQLException {
        return started(settings().setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.max", "20000"));
    }

    private static EmbeddedPostgres.Builder settings() {
        return EmbeddedPostgres.builder()
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("max_wal_size", "8GB")
                .setServerConfig("autovacuum", "off");
    }

    /** Starts it, with the role the children's checks connect as (see {@link DdlRun#CHECK_ROLE}). */
    private static PgServer started(EmbeddedPostgres.Builder settings) throws IOException, SQLException {
        PgServer server = new PgServer(settings.start());
        server.admin("CREATE ROLE " + DdlRun.CHECK_ROLE + " LOGIN SUPERUSER");
        return server;
    }

    /** Installs pg_stat_statements (on a server from {@link #startCountingStatements}) and forgets what it counted. */
    public void resetStatementCounts() throws SQLException {
        admin("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        admin("SELECT pg_stat_statements_reset()");
    }

    /**
     * The statements run in {@code database} since the last reset, but for the children's checks:
     * those run as {@link DdlRun#CHECK_ROLE}.
     */
    public long statementCount(String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url("postgres"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COALESCE(SUM(calls), 0) FROM pg_stat_statements"
                        + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '" + database + "')"
                        + " AND userid <> (SELECT oid FROM pg_roles WHERE rolname = '" + DdlRun.CHECK_ROLE + "')")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The process id of the server's postmaster: the first line of {@code postmaster.pid} in its data directory. */
    public long postmasterPid() throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(url("postgres"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW data_directory")) {
            rows.next();
            return Long.parseLong(Files.readAllLines(Path.of(rows.getString(1), "postmaster.pid")).get(0).trim());
        }
    }

    /** The JDBC URL of a database of this server, for children. */
    public String url(String database) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database + "?user=" + DdlRun.TOOL_USER;
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
            for (String setting : new String[] {"server_version", "fsync", "synchronous_commit", "full_page_writes", "shared_buffers", "max_wal_size", "autovacuum"}) {
                try (ResultSet rows = statement.executeQuery("SHOW " + setting)) {
                    rows.next();
                    facts.put(setting, rows.getString(1));
                }
            }
        }
        return facts;
    }

    /** Runs one statement in {@code database}, outside any transaction (VACUUM needs that). */
    public void execute(String database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(database));
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void admin(String sql) throws SQLException {
        execute("postgres", sql);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
