package dev.cairn.bench;

import dev.cairn.bench.db.PgServer;
import dev.cairn.bench.db.PgTarget;
import dev.cairn.bench.workload.Workload;
import java.util.Map;

/**
 * The evidence for the PostgreSQL figures: how many statements each tool sends for a fresh apply
 * and for an up-to-date start, counted by {@code pg_stat_statements} on a second server that no
 * timed sample uses. Each connection a tool opens counts one statement: the driver's
 * {@code SET application_name}. The queries every child runs after its call to check its result
 * are left out by what they are: they run as another role ({@link dev.cairn.bench.child.DdlRun#CHECK_ROLE}).
 */
final class StatementCounts {

    private final DdlScenarios ddl;
    private final Results results;

    StatementCounts(DdlScenarios ddl, Results results) {
        this.ddl = ddl;
        this.results = results;
    }

    void run(Workload workload) throws Exception {
        Progress.say("statements counted on PostgreSQL, N=" + workload.size());
        try (PgServer server = PgServer.startCountingStatements()) {
            PgTarget target = new PgTarget(server);
            for (Tool tool : Tool.values()) {
                String name = "count_" + tool.id();
                String url = target.createEmpty(name);
                server.resetStatementCounts();
                ddl.runChild(tool, workload, "apply", url, null);
                record("statements-fresh", workload, tool, server.statementCount(name));
                String deployment = tool == Tool.LIQUIBASE ? DdlScenarios.liquibaseDeployment(url) : null;
                server.resetStatementCounts();
                ddl.runChild(tool, workload, "uptodate", url, deployment);
                record("statements-uptodate", workload, tool, server.statementCount(name));
                target.drop(name);
            }
        }
    }

    private void record(String scenario, Workload workload, Tool tool, long statements) {
        results.add(new Results.Key(scenario, "PostgreSQL", workload.size(), tool.label), Map.of("statements", (double) statements));
    }
}
