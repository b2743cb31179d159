package dev.cairn.examples.agentdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.test.CairnTest;
import dev.cairn.test.MigrationTester;
import dev.cairn.test.RoundTripReport;
import dev.cairn.test.TestDatabase;
import java.util.List;

/** Seed 001's procedures on real rows, on SQLite and PostgreSQL: what each does, and that each undoes itself. */
class AgentDbMigrationsTest {

    /** Routers as the seed finds them: a timeout set, none, malformed JSON, and no document at all. */
    private static void insertAgents(TestDatabase database) {
        database.execute("INSERT INTO routers (router_id, name, metadata) VALUES"
                + " ('r1', 'search', '{\"timeout_seconds\": 120, \"model\": \"large\"}'),"
                + " ('r2', 'billing', '{\"model\": \"small\"}'),"
                + " ('r3', 'support', '{\"model\": \"small\",'),"
                + " ('r4', 'triage', NULL)");
        database.execute("INSERT INTO planners (planner_id, router_id, goal, metadata) VALUES"
                + " ('p1', 'r1', 'answer', '{}'), ('p2', 'r2', 'refund', 'not json')");
        database.execute("INSERT INTO workers (worker_id, planner_id, task_status, tools, metadata) VALUES"
                + " ('w1', 'p1', 'done', '[\"search\"]', '{}'), ('w2', 'p1', 'running', '[]', '{}'),"
                + " ('w3', 'p2', 'queued', '[]', '{\"retry\": true}')");
    }

    @CairnTest
    void everyProcedure_goesUpDownAndUpAgainToTheSameSchema(TestDatabase database) {
        RoundTripReport report = MigrationTester.of(new MigrationRegistry(), database).assertRoundTrips();

        assertEquals(List.of("1", "2", "3", "4", "5", "6"), report.checked().stream().map(m -> m.version().toString()).toList());
    }

    @CairnTest
    void malformedJson_isSetAside_andPutBackByItsRollback(TestDatabase database) {
        MigrationTester tester = MigrationTester.of(new MigrationRegistry(), database);
        tester.migrateToJustBefore("2");
        insertAgents(database);

        tester.apply("2");

        assertEquals(List.of("r1|{\"timeout_seconds\": 120, \"model\": \"large\"}", "r2|{\"model\": \"small\"}", "r3|{}", "r4|{}"),
                database.rows("SELECT router_id, metadata FROM routers ORDER BY router_id"));
        assertEquals(List.of("planners|p2|not json", "routers|r3|{\"model\": \"small\",", "routers|r4|null"),
                database.rows("SELECT table_name, row_id, raw FROM agentdb_invalid_json ORDER BY table_name, row_id"));

        tester.migrator().rollback("2");

        assertEquals(List.of("r3|{\"model\": \"small\",", "r4|null"),
                database.rows("SELECT router_id, metadata FROM routers WHERE router_id IN ('r3', 'r4') ORDER BY router_id"));
        assertEquals(List.of("p2|not json"), database.rows("SELECT planner_id, metadata FROM planners WHERE planner_id = 'p2'"));
    }

    @CairnTest
    void timeoutAttribute_defaultsOnlyTheRoutersWithout_andItsRollbackRemovesOnlyThose(TestDatabase database) {
        MigrationTester tester = MigrationTester.of(new MigrationRegistry(), database);
        tester.migrateToJustBefore("2");
        insertAgents(database);
        tester.apply("2");

        tester.apply("3");

        assertEquals(List.of("r1|120", "r2|300", "r3|300", "r4|300"), database.rows(
                "SELECT router_id, " + timeout(database) + " FROM routers ORDER BY router_id"));

        tester.migrator().rollback("3");

        assertEquals(List.of("r1|120", "r2|null", "r3|null", "r4|null"), database.rows(
                "SELECT router_id, " + timeout(database) + " FROM routers ORDER BY router_id"));
    }

    @CairnTest
    void promotion_movesEachTimeoutIntoItsColumn_andItsRollbackMovesItBack(TestDatabase database) {
        MigrationTester tester = MigrationTester.of(new MigrationRegistry(), database);
        tester.migrateToJustBefore("2");
        insertAgents(database);
        tester.apply("2");
        tester.apply("3");

        tester.apply("5");

        assertEquals(List.of("r1|120|2|null", "r2|300|2|null"), database.rows("SELECT router_id, timeout_seconds, schema_version, "
                + timeout(database) + " FROM routers WHERE router_id IN ('r1', 'r2') ORDER BY router_id"));

        tester.migrator().rollback("5");

        assertEquals(List.of("r1|120|1", "r2|300|1"), database.rows("SELECT router_id, " + timeout(database)
                + ", schema_version FROM routers WHERE router_id IN ('r1', 'r2') ORDER BY router_id"));
    }

    @CairnTest
    void restructure_keepsEveryWorkerAndItsPlanner_andItsRollbackKeepsWorkersAddedSince(TestDatabase database) {
        MigrationTester tester = MigrationTester.of(new MigrationRegistry(), database);
        tester.migrateToJustBefore("2");
        insertAgents(database);
        tester.migrator().migrate();

        assertEquals(List.of("w1|p1|0|0|2", "w2|p1|0|0|2", "w3|p2|0|0|2"),
                database.rows("SELECT worker_id, planner_id, priority, retry_count, schema_version FROM workers ORDER BY worker_id"));
        assertEquals(List.of("3"), database.rows("SELECT COUNT(*) FROM workers_v1_backup"));
        database.execute("INSERT INTO workers (worker_id, planner_id, task_status, priority) VALUES ('w4', 'p2', 'queued', 5)");

        tester.migrator().rollback("6");

        assertEquals(List.of("w1|1", "w2|1", "w3|1", "w4|1"), database.rows("SELECT worker_id, schema_version FROM workers ORDER BY worker_id"));
        assertEquals(List.of(), database.tables().stream().filter(t -> t.startsWith("workers_")).toList());
    }

    private static String timeout(TestDatabase database) {
        return switch (database.kind()) {
            case SQLITE -> "json_extract(metadata, '$.timeout_seconds')";
            case POSTGRESQL -> "CAST(metadata AS jsonb) ->> 'timeout_seconds'";
        };
    }
}
