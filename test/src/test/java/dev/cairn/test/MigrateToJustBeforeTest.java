package dev.cairn.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.runtime.MigrationReport;
import dev.cairn.runtime.MigrationSource;
import java.util.List;

/** migrateToJustBefore and apply: a data migration tested from the state production has before it. */
class MigrateToJustBeforeTest {

    /** A branch and a merge: 2 and 2.1 both need 1, 4 needs 2.1 and 3. */
    private static final MigrationSource ROUTERS = SqlMigration.source(
            SqlMigration.v("1", "Create routers").up("CREATE TABLE routers (id INTEGER PRIMARY KEY, timeout_text VARCHAR(10))")
                    .down("DROP TABLE routers").build(),
            SqlMigration.v("2", "Seed routers").dependsOn("1").up("INSERT INTO routers VALUES (1, '120')")
                    .down("DELETE FROM routers WHERE id = 1").build(),
            SqlMigration.v("2.1", "Create events").dependsOn("1").up("CREATE TABLE events (id INTEGER)")
                    .down("DROP TABLE events").build(),
            SqlMigration.v("3", "Promote timeout").dependsOn("2")
                    .up("ALTER TABLE routers ADD COLUMN timeout_seconds INTEGER",
                            "UPDATE routers SET timeout_seconds = CAST(timeout_text AS INTEGER)")
                    .down("ALTER TABLE routers DROP COLUMN timeout_seconds").build(),
            SqlMigration.v("4", "Index events").dependsOn("2.1", "3").up("CREATE INDEX events_by_id ON events (id)")
                    .down("DROP INDEX events_by_id").build());

    private static List<String> applied(TestDatabase database) {
        return database.rows("SELECT version FROM cairn_history ORDER BY version");
    }

    private static List<String> versions(MigrationReport report) {
        return report.applied().stream().map(m -> m.version().toString()).toList();
    }

    @CairnTest
    void justBefore_appliesTheOtherBranchOfALowerVersion_butNotTheTargetNorWhatDependsOnIt(TestDatabase database) {
        MigrationTester tester = MigrationTester.of(ROUTERS, database);

        assertEquals(List.of("1", "2", "2.1"), versions(tester.migrateToJustBefore("3")));

        assertEquals(List.of("1", "2", "2.1"), applied(database));
    }

    @CairnTest
    void justBefore_leavesOutHigherVersionsOnTheOtherBranch(TestDatabase database) {
        MigrationTester tester = MigrationTester.of(ROUTERS, database);

        tester.migrateToJustBefore("2.1");

        assertEquals(List.of("1", "2"), applied(database));
    }

    @CairnTest
    void rowsInsertedJustBefore_areTransformedByTheMigrationApplied(TestDatabase database) {
        MigrationTester tester = MigrationTester.of(ROUTERS, database);
        tester.migrateToJustBefore("3");
        database.execute("INSERT INTO routers (id, timeout_text) VALUES (?, ?)", 2, "45");

        assertEquals(List.of("3"), versions(tester.apply("3")));

        assertEquals(List.of("1|120", "2|45"), database.rows("SELECT id, timeout_seconds FROM routers ORDER BY id"));
        assertEquals(List.of("1", "2", "2.1", "3"), applied(database));
    }

    @CairnTest
    void justBefore_takesAHigherPrerequisite_andLeavesOutALowerVersionThatDependsOnTheTarget(TestDatabase database) {
        // Plan order 1, 3, 6, 5, 2: 5 needs 6, and 2, lower than 5, needs 5.
        MigrationSource source = SqlMigration.source(table("1").build(), table("3").build(), table("6").build(), table("5").dependsOn("6").build(),
                table("2").dependsOn("5").build());
        MigrationTester tester = MigrationTester.of(source, database);

        tester.migrateToJustBefore("5");

        assertEquals(List.of("1", "3", "6"), applied(database));
    }

    @CairnTest
    void apply_refusesAMigrationWhosePrerequisiteIsNotApplied_sayingWhatToCallFirst(TestDatabase database) {
        MigrationTester tester = MigrationTester.of(ROUTERS, database);
        tester.apply("1");

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> tester.apply("4"));

        assertEquals("Cannot apply 4 \"Index events\" (com.example.IndexEvents) alone on " + database
                + ": it depends on 2.1, 3, which are not applied. Call migrateToJustBefore(\"4\") first.", refused.getMessage());
        assertEquals(List.of("1"), applied(database));
    }

    @CairnTest
    void justBefore_refusesATargetAlreadyApplied(TestDatabase database) {
        MigrationTester tester = MigrationTester.of(ROUTERS, database);
        tester.migrator().migrate();

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> tester.migrateToJustBefore("3"));

        assertEquals("migrateToJustBefore(\"3\") needs a database where 3 \"Promote timeout\" (com.example.PromoteTimeout)"
                + " is not applied, but it is on " + database + ". Use a fresh TestDatabase.", refused.getMessage());
    }

    @CairnTest(databases = DatabaseKind.SQLITE)
    void aVersionOutsideTheSource_isRefusedWithTheSourcesVersions(TestDatabase database) {
        MigrationTester tester = MigrationTester.of(ROUTERS, database);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> tester.apply("3.5"));

        assertEquals("3.5 is not a migration of " + ROUTERS.getClass().getName() + ", whose versions are 1, 2, 2.1, 3, 4.",
                refused.getMessage());
    }

    private static SqlMigration table(String version) {
        return SqlMigration.v(version, "Create t" + version).up("CREATE TABLE t" + version + " (id INTEGER)")
                .down("DROP TABLE t" + version);
    }
}
