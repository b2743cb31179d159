package dev.cairn.examples.agentdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.ConditionsReport;
import dev.cairn.runtime.MigrationFailedException;
import dev.cairn.test.CairnTest;
import dev.cairn.test.MigrationTester;
import dev.cairn.test.Schema;
import dev.cairn.test.TestDatabase;
import java.util.List;

/** The seed's pre- and post-conditions guarding its procedures, on SQLite and PostgreSQL. */
class AgentDbConditionsTest {

    @CairnTest
    void aColumnAddedByHand_failsTheColumnAdditionsPrecondition_andChangesNothing(TestDatabase database) {
        MigrationTester tester = MigrationTester.of(new MigrationRegistry(), database);
        tester.migrateToJustBefore("4");
        database.execute("ALTER TABLE planners ADD COLUMN conversation_context TEXT");
        Schema before = tester.schema();
        List<String> history = database.rows("SELECT version FROM cairn_history ORDER BY version");

        MigrationFailedException failure = assertThrows(MigrationFailedException.class, () -> tester.apply("4"));

        assertTrue(failure.getMessage().contains("4 \"Add conversation_context to planners\"")
                && failure.getMessage().contains("precondition") && failure.getMessage().contains("conversation_context"),
                failure.getMessage());
        assertEquals(before, tester.schema());
        assertEquals(history, database.rows("SELECT version FROM cairn_history ORDER BY version"));
    }

    @CairnTest
    void aRouterAlreadyAtVersion2_failsTheAttributeAdditionsPrecondition_andItsMetadataStaysAsItWas(TestDatabase database) {
        MigrationTester tester = MigrationTester.of(new MigrationRegistry(), database);
        tester.migrateToJustBefore("3");
        database.execute("INSERT INTO routers (router_id, name, metadata, schema_version) VALUES"
                + " ('r1', 'search', '{}', 1), ('r2', 'billing', '{}', 2)");

        MigrationFailedException failure = assertThrows(MigrationFailedException.class, () -> tester.apply("3"));

        assertTrue(failure.getMessage().contains("every router at schema version 1") && failure.getMessage().contains("r2"),
                failure.getMessage());
        assertEquals(List.of("r1|{}", "r2|{}"), database.rows("SELECT router_id, metadata FROM routers ORDER BY router_id"));
        assertEquals(List.of(), database.tables().stream().filter(t -> t.equals("agentdb_defaulted_timeouts")).toList());
    }

    @CairnTest
    void checkingConditions_ofAMigratedDatabase_passesThePostconditionsNothingBuiltOn_andWritesNothing(TestDatabase database) {
        MigrationTester tester = MigrationTester.of(new MigrationRegistry(), database);
        tester.migrator().migrate();
        List<String> log = database.rows("SELECT id, version, action FROM cairn_log ORDER BY id");

        ConditionsReport report = tester.migrator().checkConditions();

        assertTrue(report.allPassed(), report.summary());
        assertEquals(6, report.migrations().size());
        assertTrue(report.migrations().stream().allMatch(m -> m.phase() == ConditionsReport.Phase.POSTCONDITIONS), report.summary());
        // 3's timeout attribute is moved to a column by 5, which depends on it: its postconditions no longer apply.
        assertEquals(List.of("1|NOT_CHECKED", "2|NOT_CHECKED", "3|NOT_CHECKED", "4|NOT_CHECKED", "5|PASSED", "6|PASSED"),
                report.migrations().stream().map(m -> m.version() + "|" + m.outcome()).toList(), report.summary());
        assertEquals(log, database.rows("SELECT id, version, action FROM cairn_log ORDER BY id"));
    }

    @CairnTest
    void checkingConditions_beforeTheRestructure_findsAForgottenWorkersV2Table(TestDatabase database) {
        MigrationTester tester = MigrationTester.of(new MigrationRegistry(), database);
        tester.migrateToJustBefore("6");
        database.execute("CREATE TABLE workers_v2 (worker_id VARCHAR(32) PRIMARY KEY)");

        ConditionsReport report = tester.migrator().checkConditions("6");

        assertEquals(ConditionsReport.Outcome.FAILED, report.migrations().get(0).outcome(), report.summary());
        assertTrue(report.migrations().get(0).detail().contains("workers_v2"), report.summary());
    }
}
