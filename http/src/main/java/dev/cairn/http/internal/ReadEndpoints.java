package dev.cairn.http.internal;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.HistoryReport;
import dev.cairn.runtime.LogEntry;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.MigrationState;
import dev.cairn.runtime.MigrationStatus;
import dev.cairn.runtime.Migrator;
import dev.cairn.runtime.StatusReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The endpoints that only read: status, pending, history, one migration, progress, running, runs, graph, Actuator's shape. */
final class ReadEndpoints {

    private final Migrator migrator;
    private final MigrationKinds kinds;
    private final MigrationViews views;
    private final RunManager runs;
    private final String actuatorContext;

    ReadEndpoints(Migrator migrator, MigrationKinds kinds, MigrationViews views, RunManager runs, String actuatorContext) {
        this.migrator = migrator;
        this.actuatorContext = actuatorContext;
        this.kinds = kinds;
        this.views = views;
        this.runs = runs;
    }

    Response status(Request request) {
        Snapshot snapshot = Snapshot.withHistory(migrator);
        StatusReport status = snapshot.status();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("database", status.database());
        json.put("upToDate", status.isUpToDate());
        json.put("applied", status.appliedVersions().size());
        json.put("pending", status.pending().size());
        json.put("migrations", views.all(snapshot));
        json.put("heads", heads(snapshot));
        json.put("warnings", StatusWarnings.of(snapshot.graph(), status));
        return Response.ok(json);
    }

    Response pending(Request request) {
        Snapshot snapshot = Snapshot.status(migrator);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("database", snapshot.status().database());
        json.put("pending", snapshot.status().pending().stream().map(m -> views.of(snapshot, m)).toList());
        return Response.ok(json);
    }

    /** The audit log; empty for a database not created yet, whose status says so (see {@link NoDatabaseYet}). */
    Response history(Request request) {
        Map<String, Object> json = new LinkedHashMap<>();
        try {
            HistoryReport history = migrator.history();
            json.put("database", history.database());
            json.put("entries", history.entries().stream().map(ReadEndpoints::entry).toList());
        } catch (MigrationException e) {
            if (e.code() != ErrorCode.NO_DATABASE) {
                throw e;
            }
            json.put("database", migrator.configuration().database());
            json.put("entries", List.of());
        }
        return Response.ok(json);
    }

    /** One migration; a version the build does not know is found if the database has it (state UNKNOWN). */
    Response migration(Request request) {
        MigrationVersion version = Versions.parse(request.parameter("version"));
        Snapshot snapshot = Snapshot.withHistory(migrator);
        Optional<MigrationStatus> found = snapshot.find(version);
        if (found.isEmpty()) {
            snapshot.graph().require(version); // throws NOT_IN_BUILD: every migration of the build has a status line
        }
        return Response.ok(views.of(snapshot, found.orElseThrow()));
    }

    /**
     * A data migration's progress: live while this server's run is on it; else what the database
     * says of a run that stopped part way or that another process runs, or this server's last run of it.
     */
    Response progress(Request request) {
        MigrationVersion version = Versions.parse(request.parameter("version"));
        MigrationDescriptor migration = migrator.graph().require(version);
        if (!kinds.isData(version)) {
            throw ApiException.notFound("Migration " + migration.displayName() + " is not a data migration, so it reports no"
                    + " progress. GET /migrations/" + version + " shows its state.");
        }
        Optional<Run> live = runs.active().filter(run -> run.isOn(version));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", version.toString());
        json.put("running", live.isPresent());
        if (live.isPresent()) {
            json.put("runId", live.get().id());
            live.get().describeSource(json);
            json.putAll(live.get().lastProgress(version).map(ProgressView::of).orElseGet(() -> ProgressView.stopped(0, null)));
            json.put("state", MigrationState.RUNNING.name());
            return Response.ok(json);
        }
        MigrationStatus status = Snapshot.status(migrator).find(version).orElseThrow();
        boolean stoppedOrElsewhere = status.state() == MigrationState.IN_PROGRESS || status.state() == MigrationState.RUNNING;
        Optional<Map<String, Object>> fromDatabase = stoppedOrElsewhere ? StoppedRunProgress.of(status) : Optional.empty();
        if (fromDatabase.isPresent()) {
            json.put("runId", null);
            json.put("operation", null);
            json.put("dryRun", false);
            json.putAll(fromDatabase.get());
        } else {
            Optional<Run> lastRun = runs.runs().stream().filter(run -> run.lastProgress(version).isPresent()).findFirst();
            json.put("runId", lastRun.map(Run::id).orElse(null));
            json.put("operation", null);
            json.put("dryRun", false);
            lastRun.ifPresent(run -> run.describeSource(json));
            json.putAll(lastRun.flatMap(run -> run.lastProgress(version)).map(ProgressView::of)
                    .orElseGet(() -> ProgressView.stopped(0, null)));
        }
        json.put("state", status.state().name());
        return Response.ok(json);
    }

    Response running(Request request) {
        Snapshot snapshot = Snapshot.status(migrator);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runs", runs.active().map(run -> List.of(run.toJson())).orElse(List.of()));
        json.put("inProgress", snapshot.status().inState(MigrationState.IN_PROGRESS).stream().map(m -> views.of(snapshot, m)).toList());
        return Response.ok(json);
    }

    Response runs(Request request) {
        return Response.ok(Map.of("runs", runs.runs().stream().map(Run::toJson).toList()));
    }

    Response run(Request request) {
        String id = request.parameter("id");
        return Response.ok(runs.find(id).orElseThrow(() -> ApiException.notFound("This server has no run " + id + ": it keeps the last "
                + RunManager.KEPT + " runs since it started. GET /migrations/runs lists them.")).toJson());
    }

    /** The graph as the console draws it: every migration, an edge from each prerequisite to its dependent, the heads. */
    Response graph(Request request) {
        Snapshot snapshot = Snapshot.withHistory(migrator);
        List<Map<String, Object>> edges = new ArrayList<>();
        for (MigrationDescriptor m : snapshot.graph().migrations()) {
            for (MigrationVersion prerequisite : m.dependsOn()) {
                edges.add(Map.of("from", prerequisite.toString(), "to", m.version().toString()));
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("nodes", views.all(snapshot));
        json.put("edges", edges);
        json.put("heads", heads(snapshot));
        return Response.ok(json);
    }

    Response flyway(Request request) {
        return Response.ok(FlywayActuatorView.of(Snapshot.withHistory(migrator), kinds, actuatorContext));
    }

    static Response health(Request request) {
        return Response.ok(Map.of("status", "UP"));
    }

    private static List<String> heads(Snapshot snapshot) {
        return Json.versions(snapshot.graph().heads().stream().map(MigrationDescriptor::version).toList());
    }

    private static Map<String, Object> entry(LogEntry e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", e.id());
        json.put("version", e.version().toString());
        json.put("description", e.description());
        json.put("action", e.action().name());
        json.put("checksum", e.checksum());
        json.put("loggedOn", Json.time(e.loggedOn()));
        json.put("loggedBy", e.loggedBy());
        json.put("executionMs", e.executionMs());
        json.put("detail", e.detail());
        return json;
    }
}
