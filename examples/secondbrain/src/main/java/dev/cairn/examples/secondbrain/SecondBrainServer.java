package dev.cairn.examples.secondbrain;

import dev.cairn.http.AccessTokens;
import dev.cairn.http.CairnHttpServer;
import dev.cairn.runtime.Migrator;
import java.net.InetSocketAddress;

/**
 * Second Brain's migrations served over HTTP, as the seed's application serves them to its CI: the
 * application starts it beside itself with {@link #start}, as the demo and the tests do. On its own,
 * {@code cairn serve} serves the same (see the README).
 */
public final class SecondBrainServer {

    private SecondBrainServer() {
    }

    /** The API over {@code migrator}, as the application starts it: the demo and the tests start the same. */
    static CairnHttpServer start(Migrator migrator, InetSocketAddress bind, AccessTokens tokens) {
        return CairnHttpServer.builder(migrator).bind(bind).tokens(tokens).start();
    }
}
