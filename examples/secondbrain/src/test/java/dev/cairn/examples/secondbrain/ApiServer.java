package dev.cairn.examples.secondbrain;

import dev.cairn.http.AccessTokens;
import dev.cairn.http.CairnHttpServer;
import dev.cairn.test.TestDatabase;
import java.net.InetSocketAddress;

/** The application's API over a test database, on a free loopback port, with a client for each token. */
final class ApiServer implements AutoCloseable {

    private final CairnHttpServer server;
    private final MigrationsApi ci;
    private final MigrationsApi reader;

    private ApiServer(CairnHttpServer server) {
        this.server = server;
        this.ci = new MigrationsApi(server.uri(), "write-secret");
        this.reader = new MigrationsApi(server.uri(), "read-secret");
    }

    static ApiServer over(TestDatabase database) {
        return new ApiServer(SecondBrainServer.start(MigrationRegistry.migrator(database.dataSource()),
                new InetSocketAddress("127.0.0.1", 0), AccessTokens.of("read-secret", "write-secret")));
    }

    /** A client with the write token, as the seed's CI has. */
    MigrationsApi ci() {
        return ci;
    }

    /** A client with the read token, as a dashboard has. */
    MigrationsApi reader() {
        return reader;
    }

    @Override
    public void close() {
        server.close();
    }
}
