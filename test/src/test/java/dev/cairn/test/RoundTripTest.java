package dev.cairn.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationSource;
import java.util.List;

/** assertRoundTrips: up, down and up again leave the same schema, or the failure says what stayed or went. */
class RoundTripTest {

    private static final MigrationDescriptor CREATE_ROUTERS = SqlMigration.v("1", "Create routers")
            .up("CREATE TABLE routers (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL, region VARCHAR(20))")
            .down("DROP TABLE routers").build();
    private static final MigrationDescriptor INDEX_NAMES = SqlMigration.v("2", "Index router names").dependsOn("1")
            .up("CREATE UNIQUE INDEX routers_by_name ON routers (name)").down("DROP INDEX routers_by_name").build();
    private static final MigrationDescriptor PROMOTE_TIMEOUT = SqlMigration.v("3", "Promote timeout").dependsOn("1")
            .up("ALTER TABLE routers ADD COLUMN timeout_seconds INTEGER DEFAULT 300")
            .down("ALTER TABLE routers DROP COLUMN timeout_seconds").build();
    private static final MigrationDescriptor CREATE_EVENTS = SqlMigration.v("4", "Create events").dependsOn("1")
            .up("CREATE TABLE events (id INTEGER PRIMARY KEY, router_id INTEGER NOT NULL REFERENCES routers (id) ON DELETE CASCADE)")
            .down("DROP TABLE events").build();

    private static String versions(List<MigrationDescriptor> migrations) {
        return String.join(",", migrations.stream().map(m -> m.version().toString()).toList());
    }

    @CairnTest
    void aReversibleSet_passes_andTheReportListsEveryMigration(TestDatabase database) {
        MigrationSource source = SqlMigration.source(CREATE_ROUTERS, INDEX_NAMES, PROMOTE_TIMEOUT, CREATE_EVENTS);

        RoundTripReport report = MigrationTester.of(source, database).assertRoundTrips();

        assertEquals("1,2,3,4", versions(report.checked()));
        assertEquals("", versions(report.skipped()));
        assertEquals("Round trips on " + database + ": 4 migrations went up, down and up again to the same schema",
                report.summary());
        assertEquals(List.of("1", "2", "3", "4"), database.rows("SELECT version FROM cairn_history ORDER BY version"));
    }

    @CairnTest
    void aDownThatForgetsAColumn_failsNamingTheMigrationAndTheColumn(TestDatabase database) {
        MigrationDescriptor forgetful = SqlMigration.v("3", "Promote timeout").dependsOn("1")
                .up("ALTER TABLE routers ADD COLUMN timeout_seconds INTEGER DEFAULT 300").build();
        MigrationTester tester = MigrationTester.of(SqlMigration.source(CREATE_ROUTERS, INDEX_NAMES, forgetful), database);

        AssertionError failure = assertThrows(AssertionError.class, tester::assertRoundTrips);

        assertEquals("After rolling back 3 \"Promote timeout\" (com.example.PromoteTimeout) on " + database.kind()
                + ": column routers.timeout_seconds is still there.\n"
                + "Its down() must leave the schema as it was before its up(): make it undo everything up() does, and nothing more.",
                failure.getMessage());
    }

    @CairnTest
    void aDownThatDropsTooMuch_failsNamingWhatIsGone(TestDatabase database) {
        MigrationDescriptor greedy = SqlMigration.v("3", "Promote timeout").dependsOn("1")
                .up("ALTER TABLE routers ADD COLUMN timeout_seconds INTEGER DEFAULT 300")
                .down("ALTER TABLE routers DROP COLUMN timeout_seconds", "ALTER TABLE routers DROP COLUMN region").build();
        MigrationTester tester = MigrationTester.of(SqlMigration.source(CREATE_ROUTERS, greedy), database);

        AssertionError failure = assertThrows(AssertionError.class, tester::assertRoundTrips);

        assertTrue(failure.getMessage().startsWith("After rolling back 3 \"Promote timeout\" (com.example.PromoteTimeout) on "
                + database.kind() + ": column routers.region is gone.\n"), failure.getMessage());
    }

    @CairnTest
    void severalDifferences_areListedOnePerLine_andATableLeftBehindIsOneLine(TestDatabase database) {
        MigrationDescriptor careless = SqlMigration.v("2", "Index and log").dependsOn("1")
                .up("CREATE INDEX routers_by_region ON routers (region)", "CREATE TABLE router_log (id INTEGER, line TEXT)")
                .build();
        MigrationTester tester = MigrationTester.of(SqlMigration.source(CREATE_ROUTERS, careless), database);

        AssertionError failure = assertThrows(AssertionError.class, tester::assertRoundTrips);

        assertEquals("After rolling back 2 \"Index and log\" (com.example.IndexAndLog) on " + database.kind() + ":\n"
                + "  - table router_log is still there\n"
                + "  - index routers_by_region on routers is still there\n"
                + "Its down() must leave the schema as it was before its up(): make it undo everything up() does, and nothing more.",
                failure.getMessage());
    }

    @CairnTest
    void anIrreversibleMigration_isAppliedAndSkipped_andTheRestIsChecked(TestDatabase database) {
        MigrationDescriptor forget = SqlMigration.v("2", "Forget regions").dependsOn("1")
                .up("UPDATE routers SET region = NULL").irreversible().build();
        MigrationSource source = SqlMigration.source(CREATE_ROUTERS, forget, PROMOTE_TIMEOUT);

        RoundTripReport report = MigrationTester.of(source, database).assertRoundTrips();

        assertEquals("1,3", versions(report.checked()));
        assertEquals("2", versions(report.skipped()));
        assertEquals("Round trips on " + database + ": 2 migrations went up, down and up again to the same schema;"
                + " skipped as irreversible:\n  2 \"Forget regions\" (com.example.ForgetRegions)", report.summary());
    }

    @CairnTest
    void anUpThatBuildsAnotherSchemaTheSecondTime_failsAfterApplyingItAgain(TestDatabase database) {
        // up() adds a column only when it finds the row its own earlier run left behind: down() restores the schema, not the data.
        MigrationDescriptor stateful = SqlMigration.v("2", "Create settings").dependsOn("1").step(new StatefulStep()).build();
        MigrationTester tester = MigrationTester.of(SqlMigration.source(CREATE_ROUTERS, stateful), database);

        AssertionError failure = assertThrows(AssertionError.class, tester::assertRoundTrips);

        assertEquals("After applying 2 \"Create settings\" (com.example.CreateSettings) again on " + database.kind()
                + ": column settings.second_run is new.\n"
                + "Its up() built another schema the second time: up() depends on something its down() did not restore"
                + " (data, or objects the schema comparison does not see).", failure.getMessage());
    }

    @CairnTest
    void migrationsAppliedBeforeTheCheck_areLeftAlone(TestDatabase database) {
        MigrationTester tester = MigrationTester.of(SqlMigration.source(CREATE_ROUTERS, INDEX_NAMES, PROMOTE_TIMEOUT), database);
        tester.migrateToJustBefore("2");

        RoundTripReport report = tester.assertRoundTrips();

        assertEquals("2,3", versions(report.checked()));
    }

    @CairnTest
    void configuredTableNames_areLeftOutOfTheSchema(TestDatabase database) {
        MigrationTester tester = MigrationTester.of(SqlMigration.source(CREATE_ROUTERS, PROMOTE_TIMEOUT), database,
                builder -> builder.historyTable("schema_history").logTable("schema_log"));

        tester.assertRoundTrips();

        assertEquals(List.of("routers"), tester.schema().tables().stream().map(Schema.Table::name).toList());
        assertEquals(List.of("routers", "schema_history", "schema_history_state", "schema_log"), database.tables());
    }

    /** Creates {@code settings}, with one more column if a row of an earlier run is in {@code routers}. */
    private static final class StatefulStep implements JavaMigration {

        @Override
        public void up(MigrationContext db) throws Exception {
            boolean secondRun = db.queryOne("SELECT COUNT(*) FROM routers", row -> row.getInt(1)).orElseThrow() > 0;
            db.execute("CREATE TABLE settings (id INTEGER" + (secondRun ? ", second_run INTEGER" : "") + ")");
            db.execute("INSERT INTO routers (id, name) VALUES (?, 'edge-paris')", secondRun ? 2 : 1);
        }

        @Override
        public void down(MigrationContext db) throws Exception {
            db.execute("DROP TABLE settings");
        }
    }
}
