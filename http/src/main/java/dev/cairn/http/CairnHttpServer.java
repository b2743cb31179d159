package dev.cairn.http;

import com.sun.net.httpserver.HttpServer;
import dev.cairn.http.internal.Api;
import dev.cairn.http.internal.Authenticator;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.Migrator;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves the migrations of a loaded {@link Migrator} over HTTP: seed 004's API under
 * {@code /migrations} (status, pending, history, progress, running, runs, graph; execute one or
 * all, roll back, validate), Spring Boot Actuator's {@code flyway} shape at
 * {@code /actuator/flyway}, a health check at {@code /healthz}, and the web console at {@code /}.
 *
 * <pre>{@code
 * CairnHttpServer server = CairnHttpServer.builder(migrator)
 *         .bind(new InetSocketAddress("0.0.0.0", 8080))
 *         .tokens(AccessTokens.fromEnvironment())
 *         .start();
 * }</pre>
 *
 * <p>Every API endpoint requires a bearer token: the read token or the write token to read, the
 * write token to run migrations. Migrations run one run at a time, on a thread of the server's
 * own: a request that starts one answers {@code 202} at once with the run to poll. Logs go to the
 * {@link System.Logger} {@value #LOGGER_NAME}: one line when the server starts and when each run
 * starts and ends; never a token or a request body.
 */
public final class CairnHttpServer implements AutoCloseable {

    /** The name of the {@link System.Logger} the server and its runs log to. */
    public static final String LOGGER_NAME = "dev.cairn.http.CairnHttpServer";

    private static final System.Logger LOG = System.getLogger(LOGGER_NAME);

    private final HttpServer server;
    private final ExecutorService requests;
    private final Api api;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CairnHttpServer(HttpServer server, ExecutorService requests, Api api) {
        this.server = server;
        this.requests = requests;
        this.api = api;
    }

    /** Starts configuring a server for {@code migrator}; finish with {@link Builder#start()}. */
    public static Builder builder(Migrator migrator) {
        return new Builder(Objects.requireNonNull(migrator, "migrator"));
    }

    /** The port the server listens on: the one bound, or the free one chosen for port 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Where the server is, such as {@code http://127.0.0.1:8080/}: its console; a wildcard address is shown as loopback. */
    public URI uri() {
        InetAddress address = server.getAddress().getAddress();
        InetAddress shown = address.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : address;
        String host = shown instanceof Inet6Address ? "[" + shown.getHostAddress() + "]" : shown.getHostAddress();
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /**
     * Stops accepting requests at once and starts no more runs. A run under way goes on to its
     * end on its own thread; but a JVM that exits (after its shutdown hooks) ends it there, so a
     * shutdown hook calls {@link #close(Duration)} instead.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            requests.shutdown();
            api.close();
        }
    }

    /**
     * {@link #close()}, then waits up to {@code grace} for a run under way to end, as a shutdown
     * hook must: the JVM halts every thread once its hooks returned. A run cut short by a halt
     * loses nothing committed: its migration's transaction rolls back, and a data migration
     * resumes after its last committed batch at the next execute. Closing again only waits again.
     *
     * @return whether no run is left under way
     */
    public boolean close(Duration grace) {
        close();
        return api.awaitRuns(grace);
    }

    /** The options of a {@link CairnHttpServer}; {@link #start()} checks them and starts it. */
    public static final class Builder {

        private static final int DEFAULT_PORT = 8080;

        private final Migrator migrator;
        private InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), DEFAULT_PORT);
        private AccessTokens tokens;
        private int maxBodyBytes = 64 * 1024;
        private boolean unauthenticatedLoopback;
        private String actuatorContext = "application";

        private Builder(Migrator migrator) {
            this.migrator = migrator;
        }

        /** Where to listen; default {@code 127.0.0.1:8080}; port 0 takes any free port ({@link #port()} tells which). */
        public Builder bind(InetSocketAddress address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The tokens requests must show; without any, {@link #start()} refuses unless {@link #allowUnauthenticatedLoopback()}. */
        public Builder tokens(AccessTokens tokens) {
            this.tokens = Objects.requireNonNull(tokens, "tokens");
            return this;
        }

        /** The largest request body read, in bytes; default 64 KiB. A larger one gets 413 and is not read. */
        public Builder maxBodyBytes(int bytes) {
            this.maxBodyBytes = bytes;
            return this;
        }

        /**
         * Serves without tokens when no token is given, for local use: only on a loopback address
         * ({@code 127.0.0.1}, {@code ::1}), where only this machine reaches the server; {@link #start()}
         * refuses it on any other. Tokens, when given, are always required.
         */
        public Builder allowUnauthenticatedLoopback() {
            this.unauthenticatedLoopback = true;
            return this;
        }

        /** The context name of {@code /actuator/flyway}'s answer, as Spring names the application's; default {@code application}. */
        public Builder actuatorContext(String name) {
            this.actuatorContext = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Checks the options and starts serving.
         *
         * @throws MigrationException with {@link ErrorCode#INVALID_CONFIGURATION} when no token is given
         *     (and unauthenticated loopback is not allowed, or the address is not a loopback one), the
         *     body limit is below 1 byte, or the address cannot be listened on, naming each problem
         */
        public CairnHttpServer start() {
            Authenticator authenticator = checked();
            // Before listening: describing the migrations may throw, and must not leave the port taken.
            Api api = new Api(migrator, authenticator, maxBodyBytes, actuatorContext);
            HttpServer server;
            try {
                server = HttpServer.create(address, 0);
            } catch (IOException e) {
                api.close();
                throw new MigrationException(ErrorCode.INVALID_CONFIGURATION, "Cannot listen on " + shown(address) + ": "
                        + e.getMessage() + ". Choose another address or port (port 0 takes any free one).", e);
            }
            AtomicInteger threads = new AtomicInteger();
            ExecutorService requests = Executors.newFixedThreadPool(4, work -> {
                Thread thread = new Thread(work, "cairn-http-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(requests);
            server.createContext("/", api.handler());
            server.start();
            CairnHttpServer started = new CairnHttpServer(server, requests, api);
            String database = migrator.configuration().database();
            if (tokens == null || tokens.isEmpty()) {
                LOG.log(Level.WARNING, () -> "Cairn HTTP API on " + started.uri() + " serves WITHOUT a token"
                        + " (allowUnauthenticatedLoopback): anyone on this machine can run migrations on " + database + ".");
            } else {
                LOG.log(Level.INFO, () -> "Cairn HTTP API on " + started.uri() + " for " + database + " (" + tokens + ")");
            }
            return started;
        }

        /** Every problem of the options at once, or the authenticator they make. */
        private Authenticator checked() {
            List<String> problems = new ArrayList<>();
            boolean noToken = tokens == null || tokens.isEmpty();
            boolean loopback = address.getAddress() != null && address.getAddress().isLoopbackAddress();
            if (address.isUnresolved()) {
                problems.add("the address " + address.getHostString() + " cannot be resolved");
            }
            if (noToken && !unauthenticatedLoopback) {
                problems.add("no access token is configured, so anyone who reaches " + shown(address) + " could run migrations."
                        + " Give a read and a write token: set " + AccessTokens.READ_TOKEN_VARIABLE + " and "
                        + AccessTokens.WRITE_TOKEN_VARIABLE + " (AccessTokens.fromEnvironment()), or put each on the first line"
                        + " of a file (AccessTokens.fromFiles(readFile, writeFile); cairn serve --read-token-file F"
                        + " --write-token-file F). For local use only, allowUnauthenticatedLoopback() (cairn serve --local)"
                        + " serves without a token on a loopback address");
            }
            if (noToken && unauthenticatedLoopback && !address.isUnresolved() && !loopback) {
                problems.add("allowUnauthenticatedLoopback() serves without a token only on a loopback address, and "
                        + shown(address) + " is not one: anyone who reaches it could run migrations. Bind 127.0.0.1 (or ::1),"
                        + " or give the server a read and a write token");
            }
            if (maxBodyBytes < 1) {
                problems.add("maxBodyBytes(" + maxBodyBytes + ") must be at least 1 byte (default 64 KiB)");
            }
            if (!problems.isEmpty()) {
                throw new MigrationException(ErrorCode.INVALID_CONFIGURATION, "The Cairn HTTP server was not started: "
                        + String.join("; ", problems) + ".");
            }
            return noToken ? Authenticator.unauthenticated() : Authenticator.requiring(tokens.check());
        }

        /** {@code 127.0.0.1:8080}: the address as it is listened on, not a name it may have. */
        private static String shown(InetSocketAddress address) {
            return (address.isUnresolved() ? address.getHostString() : address.getAddress().getHostAddress()) + ":" + address.getPort();
        }
    }
}
