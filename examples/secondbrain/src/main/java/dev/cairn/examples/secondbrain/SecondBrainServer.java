package dev.cairn.examples.secondbrain;

import dev.cairn.http.AccessTokens;
import dev.cairn.http.CairnHttpServer;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.Migrator;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * Second Brain's migrations served over HTTP, as the seed's application serves them to its CI:
 * {@code SecondBrainServer <jdbc-url> [host:port]}, the read and write tokens from
 * {@code CAIRN_HTTP_READ_TOKEN} and {@code CAIRN_HTTP_WRITE_TOKEN}. It serves until interrupted.
 */
public final class SecondBrainServer {

    private static final String USAGE = "Usage: SecondBrainServer <jdbc-url> [host:port]  (default 127.0.0.1:8080;"
            + " the tokens from CAIRN_HTTP_READ_TOKEN and CAIRN_HTTP_WRITE_TOKEN)";

    private SecondBrainServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        InetSocketAddress bind = args.length == 1 ? new InetSocketAddress("127.0.0.1", 8080)
                : args.length == 2 ? address(args[1]) : null;
        if (bind == null) {
            System.err.println(USAGE);
            System.exit(2);
        }
        CairnHttpServer server;
        try {
            server = start(Migrator.configure(new MigrationRegistry(), args[0]).load(), bind, AccessTokens.fromEnvironment());
        } catch (MigrationException e) {
            // A configuration mistake (no token, a bad URL): its message says what to do; a stack trace would bury it.
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println("Second Brain migrations on " + server.uri() + " (read and write tokens from the environment)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "secondbrain server shutdown"));
        stopped.await();
    }

    /** The API over {@code migrator}, as the application starts it: the demo and the tests start the same. */
    static CairnHttpServer start(Migrator migrator, InetSocketAddress bind, AccessTokens tokens) {
        return CairnHttpServer.builder(migrator).bind(bind).tokens(tokens).start();
    }

    /** {@code host:port} as an address to bind, or {@code null} if it is not one. */
    private static InetSocketAddress address(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        String port = hostAndPort.substring(colon + 1);
        if (colon < 1 || !port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65_535) {
            return null;
        }
        return new InetSocketAddress(hostAndPort.substring(0, colon), Integer.parseInt(port));
    }
}
