package dev.cairn.http.internal;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.ExecutedMigration;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.Progress;
import dev.cairn.runtime.data.ExecutedDataMigration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of the server: what was asked (operation, target, dry run, batch size), its plan, and
 * what it has done so far, updated by its {@link RunRecorder} on the run's thread and read by
 * requests on theirs. Every method is synchronized; {@link #toJson()} is a consistent copy.
 */
final class Run {

    /** Where a run is. */
    enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED }

    private final String id;
    private final String operation;
    private final MigrationVersion target;
    private final boolean dryRun;
    private final Integer batchSize;
    private final List<PlanItem> plan;
    private final Instant startedAt = Instant.now();
    private final List<Map<String, Object>> completed = new ArrayList<>();
    /** The last progress of each data migration of the run, for the progress endpoint after it moved on. */
    private final Map<MigrationVersion, Progress> progress = new HashMap<>();
    private Status status = Status.QUEUED;
    private Instant endedAt;
    private MigrationDescriptor current;
    private String summary;
    private Map<String, Object> error;

    Run(String id, String operation, MigrationVersion target, boolean dryRun, Integer batchSize, List<PlanItem> plan) {
        this.id = id;
        this.operation = operation;
        this.target = target;
        this.dryRun = dryRun;
        this.batchSize = batchSize;
        this.plan = List.copyOf(plan);
    }

    String id() {
        return id;
    }

    List<PlanItem> plan() {
        return plan;
    }

    Instant startedAt() {
        return startedAt;
    }

    /** What the run's progress is of: {@code execute 4}, or {@code rollback 4 (dry run)}, as the progress endpoint tells. */
    void describeSource(Map<String, Object> json) {
        json.put("operation", operation);
        json.put("dryRun", dryRun);
    }

    /** The path clients poll. */
    String path() {
        return "/migrations/runs/" + id;
    }

    /** {@code execute 4}: what was asked, as messages name it. */
    String request() {
        return operation + (target == null ? "" : " " + target);
    }

    /** {@code execute 4 (dry run, batch size 50)}: what was asked and how, as log lines name it. */
    String describe() {
        List<String> options = new ArrayList<>();
        if (dryRun) {
            options.add("dry run");
        }
        if (batchSize != null) {
            options.add("batch size " + batchSize);
        }
        return request() + (options.isEmpty() ? "" : " (" + String.join(", ", options) + ")");
    }

    synchronized boolean isActive() {
        return status == Status.QUEUED || status == Status.RUNNING;
    }

    synchronized void running() {
        status = Status.RUNNING;
    }

    synchronized void before(MigrationDescriptor migration) {
        current = migration;
    }

    synchronized void progress(MigrationDescriptor migration, Progress reported) {
        current = migration;
        progress.put(migration.version(), reported);
    }

    synchronized void after(ExecutedMigration result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", result.version().toString());
        json.put("description", result.description());
        json.put("executionMs", result.duration().toMillis());
        json.put("rows", result instanceof ExecutedDataMigration data ? data.rowsProcessed() : null);
        json.put("batches", result instanceof ExecutedDataMigration data ? data.batches() : null);
        completed.add(json);
        current = null;
    }

    synchronized void succeeded(String text) {
        end(Status.SUCCEEDED, text, null);
    }

    synchronized void failed(String code, String message) {
        end(Status.FAILED, null, ApiErrors.error(code, message));
    }

    private void end(Status outcome, String text, Map<String, Object> failure) {
        status = outcome;
        summary = text;
        error = failure;
        endedAt = Instant.now();
    }

    /** The last progress this run saw of {@code version}, whether it is still on it or not. */
    synchronized Optional<Progress> lastProgress(MigrationVersion version) {
        return Optional.ofNullable(progress.get(version));
    }

    /** Whether this run is running {@code version} right now. */
    synchronized boolean isOn(MigrationVersion version) {
        return isActive() && current != null && current.version().equals(version);
    }

    synchronized Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("operation", operation);
        json.put("target", target == null ? null : target.toString());
        json.put("dryRun", dryRun);
        json.put("batchSize", batchSize);
        json.put("status", status.name());
        json.put("startedAt", Json.time(startedAt));
        json.put("endedAt", Json.time(endedAt));
        json.put("plan", plan.stream().map(PlanItem::toJson).toList());
        json.put("current", current == null ? null : currentJson());
        json.put("completed", completed.stream().map(LinkedHashMap::new).toList());
        json.put("summary", summary);
        json.put("error", error);
        json.put("links", Map.of("self", path()));
        return json;
    }

    private Map<String, Object> currentJson() {
        Map<String, Object> json = MigrationViews.named(current);
        Progress last = progress.get(current.version());
        json.put("progress", last == null ? null : ProgressView.of(last));
        return json;
    }
}
