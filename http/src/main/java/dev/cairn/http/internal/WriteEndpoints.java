package dev.cairn.http.internal;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.ConditionsReport;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.Migrator;
import dev.cairn.runtime.ValidationReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The endpoints that need the write token: execute one migration, execute all, roll back (each a
 * run, refused while another is going on), and validate one without running it.
 */
final class WriteEndpoints {

    private final Migrator migrator;
    private final RunManager runs;

    WriteEndpoints(Migrator migrator, RunManager runs) {
        this.migrator = migrator;
        this.runs = runs;
    }

    /** {@code version} with the pending migrations it needs; already applied: a run that ended at once. */
    Response execute(Request request) {
        JsonBodies.RunOptions options = JsonBodies.execute(request.body(), "POST /migrations/execute/{version}");
        MigrationVersion version = Versions.parse(request.parameter("version"));
        MigrationDescriptor migration = migrator.graph().require(version);
        runs.checkIdle();
        Snapshot snapshot = Snapshot.status(migrator);
        List<PlanItem> plan = RunPlanner.execute(snapshot, version);
        if (plan.isEmpty()) {
            return ended(runs.done("execute", version, options.dryRun(), plan, "Migration " + migration.displayName()
                    + " is already applied to " + snapshot.status().database() + ": nothing to do."));
        }
        return started(runs.start("execute", version, options.dryRun(), options.batchSize(), plan, variant -> options.dryRun()
                ? variant.dryRunApply(version).summary() : variant.apply(version).summary()));
    }

    /** Every pending migration. */
    Response executeAll(Request request) {
        JsonBodies.RunOptions options = JsonBodies.execute(request.body(), "POST /migrations/execute-all");
        runs.checkIdle();
        Snapshot snapshot = Snapshot.status(migrator);
        List<PlanItem> plan = RunPlanner.executeAll(snapshot);
        if (snapshot.status().isUpToDate()) {
            return ended(runs.done("execute-all", null, options.dryRun(), plan, snapshot.status().database()
                    + " is up to date: every migration of the build is applied, nothing to do."));
        }
        return started(runs.start("execute-all", null, options.dryRun(), options.batchSize(), plan, variant -> options.dryRun()
                ? variant.dryRun().summary() : variant.migrate().summary()));
    }

    /**
     * {@code version} and the applied migrations depending on it; refused before anything runs if
     * it is not applied or the plan crosses an irreversible migration. A dry run only shows the plan.
     */
    Response rollback(Request request) {
        boolean dryRun = JsonBodies.rollback(request.body(), "POST /migrations/rollback/{version}");
        MigrationVersion version = Versions.parse(request.parameter("version"));
        MigrationDescriptor migration = migrator.graph().require(version);
        runs.checkIdle();
        Snapshot snapshot = Snapshot.status(migrator);
        List<PlanItem> plan = RunPlanner.rollback(snapshot, migration);
        if (dryRun) {
            return ended(runs.done("rollback", version, true, plan, "Dry run: rolling back " + version + " would undo "
                    + RunPlanner.listed(plan.stream().map(item -> item.migration().version()).toList())
                    + (plan.size() > 1 ? ", in that order," : "") + " on " + snapshot.status().database() + ". Nothing was changed."));
        }
        return started(runs.start("rollback", version, false, null, plan, variant -> variant.rollback(version).summary()));
    }

    /**
     * What {@code Migrator.validate()} finds wrong with {@code version} (but that it is pending:
     * that is what executing it is for), and its conditions, checked in transactions rolled back.
     */
    Response validate(Request request) {
        JsonBodies.none(request.body(), "POST /migrations/validate/{version}");
        MigrationVersion version = Versions.parse(request.parameter("version"));
        migrator.graph().require(version);
        ConditionsReport.Checked checked = migrator.checkConditions(version).migrations().get(0);
        List<Map<String, Object>> problems = new ArrayList<>();
        for (ValidationReport.Problem problem : migrator.validate().problems()) {
            if (problem.version().equals(version) && problem.kind() != ValidationReport.Kind.PENDING) {
                problems.add(ApiErrors.error(problem.kind().name(), problem.message()));
            }
        }
        if (checked.outcome() == ConditionsReport.Outcome.FAILED) {
            problems.add(ApiErrors.error("CONDITION_FAILED", checked.detail()));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", version.toString());
        json.put("valid", problems.isEmpty());
        json.put("problems", problems);
        json.put("conditions", conditions(checked));
        return Response.ok(json);
    }

    private static Map<String, Object> conditions(ConditionsReport.Checked checked) {
        List<Map<String, Object>> checks = checked.checks().stream().map(WriteEndpoints::check).toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("outcome", checked.outcome().name());
        json.put("detail", checked.detail());
        json.put("preconditions", checked.phase() == ConditionsReport.Phase.PRECONDITIONS ? checks : List.of());
        json.put("postconditions", checked.phase() == ConditionsReport.Phase.POSTCONDITIONS ? checks : List.of());
        return json;
    }

    private static Map<String, Object> check(ConditionsReport.Check check) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", check.name());
        json.put("passed", check.passed());
        json.put("detail", (check.passed() || check.expected().isEmpty() ? "" : "expected " + check.expected() + "; ")
                + "found " + check.found());
        return json;
    }

    /** 202 and where to poll. */
    private static Response started(Run run) {
        return Response.json(202, run.toJson()).withHeader("Location", run.path());
    }

    /** 200: the run ended as it started. */
    private static Response ended(Run run) {
        return Response.ok(run.toJson()).withHeader("Location", run.path());
    }
}
