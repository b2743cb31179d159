package dev.cairn.http.internal;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.Migrator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an execute or a rollback would do, asked before doing it: the plan the server would run,
 * each migration with its reason, chosen as the write endpoints choose it. The console shows it in
 * its confirmation; nothing runs and nothing changes. A rollback that the server would refuse
 * carries the refusal beside its plan.
 */
final class PlanEndpoints {

    private final Migrator migrator;

    PlanEndpoints(Migrator migrator) {
        this.migrator = migrator;
    }

    /** {@code GET /migrations/plan/execute/{version}}. */
    Response execute(Request request) {
        MigrationVersion version = Versions.parse(request.parameter("version"));
        migrator.graph().require(version);
        return answer("execute", version, RunPlanner.execute(Snapshot.status(migrator), version), Optional.empty());
    }

    /** {@code GET /migrations/plan/execute-all}. */
    Response executeAll(Request request) {
        return answer("execute-all", null, RunPlanner.executeAll(Snapshot.status(migrator)), Optional.empty());
    }

    /** {@code GET /migrations/plan/rollback/{version}}: 404 {@code NOT_APPLIED} when it is not applied. */
    Response rollback(Request request) {
        MigrationVersion version = Versions.parse(request.parameter("version"));
        MigrationDescriptor named = migrator.graph().require(version);
        List<PlanItem> plan = RunPlanner.rollbackPlan(Snapshot.status(migrator), named);
        return answer("rollback", version, plan, RunPlanner.refusal(plan, named));
    }

    private static Response answer(String operation, MigrationVersion target, List<PlanItem> plan,
            Optional<MigrationException> refusal) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("operation", operation);
        json.put("target", target == null ? null : target.toString());
        json.put("plan", plan.stream().map(PlanItem::toJson).toList());
        json.put("refused", refusal.map(e -> ApiErrors.error(e.code().name(), e.getMessage())).orElse(null));
        return Response.ok(json);
    }
}
