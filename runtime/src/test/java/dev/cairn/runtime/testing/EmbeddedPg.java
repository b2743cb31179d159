package dev.cairn.runtime.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one embedded PostgreSQL server of a test JVM: started on first use, stopped when the JVM
 * exits. Tests get a fresh database each from {@link TestDb}, which is much faster than a server
 * each.
 */
final class EmbeddedPg {

    private static EmbeddedPostgres server;

    private EmbeddedPg() {
    }

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    System.err.println("Cannot stop the embedded PostgreSQL server: " + e);
                }
            }));
        }
        return server;
    }
}
