package dev.cairn.http.internal;

import com.sun.net.httpserver.HttpHandler;
import dev.cairn.runtime.Migrator;
import java.time.Duration;
import java.util.List;

/**
 * The server's routes over one migrator, and the runs they start: what {@link dev.cairn.http.CairnHttpServer}
 * puts behind its socket.
 */
public final class Api implements AutoCloseable {

    private final RunManager runs;
    private final Router router;

    /**
     * @param actuatorContext the context name of the Actuator-shaped answer, as Spring names an application's
     */
    public Api(Migrator migrator, Authenticator authenticator, int maxBodyBytes, String actuatorContext) {
        this.runs = new RunManager(migrator);
        MigrationKinds kinds = new MigrationKinds(migrator.graph());
        ReadEndpoints read = new ReadEndpoints(migrator, kinds, new MigrationViews(migrator.graph(), kinds), runs, actuatorContext);
        WriteEndpoints write = new WriteEndpoints(migrator, runs);
        PlanEndpoints plans = new PlanEndpoints(migrator);
        this.router = new Router(List.of(
                new Route("GET", "/", Scope.PUBLIC, request -> StaticFiles.index()),
                new Route("GET", "/console/**", Scope.PUBLIC, request -> StaticFiles.file(request.parameter("path"))),
                new Route("GET", "/healthz", Scope.PUBLIC, ReadEndpoints::health),
                new Route("GET", "/migrations/status", Scope.READ, read::status),
                new Route("GET", "/migrations/pending", Scope.READ, read::pending),
                new Route("GET", "/migrations/history", Scope.READ, read::history),
                new Route("GET", "/migrations/running", Scope.READ, read::running),
                new Route("GET", "/migrations/graph", Scope.READ, read::graph),
                new Route("GET", "/migrations/runs", Scope.READ, read::runs),
                new Route("GET", "/migrations/runs/{id}", Scope.READ, read::run),
                new Route("GET", "/migrations/progress/{version}", Scope.READ, read::progress),
                new Route("GET", "/migrations/plan/execute/{version}", Scope.READ, plans::execute),
                new Route("GET", "/migrations/plan/execute-all", Scope.READ, plans::executeAll),
                new Route("GET", "/migrations/plan/rollback/{version}", Scope.READ, plans::rollback),
                new Route("GET", "/migrations/{version}", Scope.READ, read::migration),
                new Route("GET", "/actuator/flyway", Scope.READ, read::flyway),
                new Route("POST", "/migrations/execute/{version}", Scope.WRITE, write::execute),
                new Route("POST", "/migrations/execute-all", Scope.WRITE, write::executeAll),
                new Route("POST", "/migrations/rollback/{version}", Scope.WRITE, write::rollback),
                new Route("POST", "/migrations/validate/{version}", Scope.WRITE, write::validate)),
                authenticator, maxBodyBytes);
    }

    /** Answers every request. */
    public HttpHandler handler() {
        return router;
    }

    /** Starts no more runs; one under way goes on to its end on its own thread. */
    @Override
    public void close() {
        runs.close();
    }

    /** After {@link #close()}: waits up to {@code timeout} for a run under way to end; whether none is left. */
    public boolean awaitRuns(Duration timeout) {
        return runs.awaitRuns(timeout);
    }
}
