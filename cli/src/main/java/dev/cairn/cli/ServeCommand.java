package dev.cairn.cli;

import dev.cairn.http.AccessTokens;
import dev.cairn.http.CairnHttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cairn serve}: the HTTP API and the web console of cairn-http for the class path's
 * registry, until the process is stopped. Tokens come from files or the environment; without any,
 * it serves only with {@code --local} on a loopback address.
 */
@Command(name = "serve", description = "Serve the HTTP API and the web console for the migrations, until stopped (Ctrl-C).",
        footer = {"", "Tokens: the first line of --read-token-file / --write-token-file, else the environment variables "
                + AccessTokens.READ_TOKEN_VARIABLE + " and " + AccessTokens.WRITE_TOKEN_VARIABLE + ". Requests show one as"
                + " 'Authorization: Bearer <token>'; the write token may also read."})
final class ServeCommand extends Verb {

    /** The server's log: its run lines ("Run r-1 (execute-all) started ...") are what an operator watching the terminal wants to see. */
    private static final Logger SERVER_LOG = Logger.getLogger("dev.cairn.http");

    @Option(names = "--bind", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8080",
            description = "Where to listen; default ${DEFAULT-VALUE}. Port 0 takes any free port. 0.0.0.0:8080 listens on every address.")
    String bind;

    @Option(names = "--read-token-file", paramLabel = "FILE", description = "The read token, on the file's first line.")
    Path readTokenFile;

    @Option(names = "--write-token-file", paramLabel = "FILE", description = "The write token, on the file's first line.")
    Path writeTokenFile;

    @Option(names = "--local", description = "Without any token, serve anyway, unauthenticated: only on a loopback address"
            + " such as the default 127.0.0.1, for one person on this machine.")
    boolean local;

    @Override
    int run() {
        AccessTokens tokens = AccessTokens.fromFiles(readTokenFile, writeTokenFile).orElse(AccessTokens.fromEnvironment());
        CairnHttpServer.Builder builder = CairnHttpServer.builder(migrator()).bind(address(bind)).tokens(tokens);
        if (local) {
            builder.allowUnauthenticatedLoopback();
        }
        CairnHttpServer server = builder.start();
        // After the start: the line below says where it serves, so the server's own start line would repeat it.
        SERVER_LOG.setLevel(Level.INFO);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // The JVM halts every thread once the hooks returned: a run under way ends first.
            if (!server.close(Duration.ZERO)) {
                output().err().println("Stopping: waiting for the run under way to end (kill -9 abandons it: its migration rolls"
                        + " back, and a data migration resumes after its last committed batch).");
                server.close(Duration.ofDays(365));
            }
            stopped.countDown();
        }, "cairn-serve-stop"));
        output().text("Cairn console on " + server.uri() + " for " + source().getClass().getName() + " ("
                + (tokens.isEmpty() ? "no token: unauthenticated, this machine only" : tokens) + "). Stop with Ctrl-C.");
        Map<String, Object> json = Json.document(name(), ExitCode.OK);
        json.put("url", server.uri().toString());
        output().json(json);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }

    /** {@code HOST:PORT}, {@code [IPV6]:PORT} or {@code PORT} (on 127.0.0.1), or a usage error. */
    static InetSocketAddress address(String text) {
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? "127.0.0.1" : text.substring(0, colon);
        String port = text.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty() || !port.matches("\\d{1,5}") || Integer.parseInt(port) > 65_535) {
            throw CliException.usage("BAD_ADDRESS", "--bind is \"" + text + "\", which is not HOST:PORT (such as 127.0.0.1:8080,"
                    + " 0.0.0.0:8080 or [::1]:8080) with a port from 0 to 65535.");
        }
        return new InetSocketAddress(host, Integer.parseInt(port));
    }
}
