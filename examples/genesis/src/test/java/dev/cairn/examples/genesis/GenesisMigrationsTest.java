package dev.cairn.examples.genesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.MigrationFailedException;
import dev.cairn.runtime.MigrationReport;
import dev.cairn.runtime.data.ExecutedDataMigration;
import dev.cairn.test.CairnTest;
import dev.cairn.test.DatabaseKind;
import dev.cairn.test.MigrationTester;
import dev.cairn.test.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Seed 000's transformation on SQLite and PostgreSQL, checked row for row against the legacy documents. */
class GenesisMigrationsTest {

    private static final int ROBOTS = 3_000;

    private static MigrationTester legacyFleet(TestDatabase database, int robots) throws SQLException {
        MigrationTester tester = MigrationTester.of(new MigrationRegistry(), database);
        tester.migrateToJustBefore("2");
        try (Connection connection = database.dataSource().getConnection()) {
            LegacyFleet.insert(connection, robots);
        }
        return tester;
    }

    @CairnTest
    void legacyFleet_becomesOneRowPerRobot_skill_andStage(TestDatabase database) throws SQLException {
        MigrationTester tester = legacyFleet(database, ROBOTS);

        MigrationReport report = tester.migrator().migrate();

        assertEquals(List.of(String.valueOf(ROBOTS)), database.rows("SELECT COUNT(*) FROM robots"));
        assertEquals(database.rows("SELECT COUNT(*) FROM " + skillsInDocuments(database)), database.rows("SELECT COUNT(*) FROM robot_skills"));
        assertEquals(database.rows("SELECT SUM(" + stagesInDocument(database) + ") FROM curriculum_plans"),
                database.rows("SELECT COUNT(*) FROM curriculum_stages"));
        ExecutedDataMigration robots = (ExecutedDataMigration) report.applied().get(1);
        assertEquals(ROBOTS, robots.rowsProcessed());
        assertEquals(0, robots.rowsQuarantined());
        try (Connection connection = database.dataSource().getConnection()) {
            // Both queries must find the same robots, or the JSON was not moved faithfully.
            assertTrue(QueryComparison.compare(connection).robots().size() > ROBOTS / 10);
        }
    }

    @CairnTest
    void aRobotWhoseDocumentIsCutShort_isSetAsideWithItsRawValue_andTheOthersMove(TestDatabase database) throws SQLException {
        MigrationTester tester = legacyFleet(database, 100);
        database.execute("UPDATE humanoid_robots SET configuration = '{\"robot_type\": \"UNITREE_G1\", \"joint_' WHERE id = ?",
                LegacyFleet.robotId(42));

        MigrationReport report = tester.migrator().migrate();

        assertEquals(1, ((ExecutedDataMigration) report.applied().get(1)).rowsQuarantined());
        assertEquals(List.of("99"), database.rows("SELECT COUNT(*) FROM robots"));
        assertEquals(List.of("0"), database.rows("SELECT COUNT(*) FROM robot_skills WHERE robot_id = ?", LegacyFleet.robotId(42)));
        List<String> quarantined = database.rows("SELECT version, row_key, raw_value FROM cairn_history_quarantine");
        assertEquals(1, quarantined.size());
        assertTrue(quarantined.get(0).startsWith("3|") && quarantined.get(0).contains(LegacyFleet.robotId(42))
                && quarantined.get(0).contains("\"joint_"), quarantined.get(0));
    }

    @CairnTest
    void aPlanWhoseStagesAreMalformed_stopsTheMigrationNamingIt_andMigrateResumesOnceFixed(TestDatabase database)
            throws SQLException {
        MigrationTester tester = legacyFleet(database, 100);
        String broken = database.rows("SELECT stages FROM curriculum_plans WHERE id = 'plan-00004'").get(0);
        database.execute("UPDATE curriculum_plans SET stages = '[{\"id\": \"balance\",' WHERE id = 'plan-00004'");

        MigrationFailedException failure = assertThrows(MigrationFailedException.class, () -> tester.migrator().migrate());

        assertTrue(failure.getMessage().contains("plan-00004") && failure.getMessage().contains("stages"), failure.getMessage());
        assertEquals(List.of("1", "2", "3"), database.rows("SELECT version FROM cairn_history ORDER BY version"));
        assertEquals(List.of("0"), database.rows("SELECT COUNT(*) FROM curriculum_stages"));

        database.execute("UPDATE curriculum_plans SET stages = ? WHERE id = 'plan-00004'", broken);
        tester.migrator().migrate();

        assertEquals(List.of("1", "2", "3", "4"), database.rows("SELECT version FROM cairn_history ORDER BY version"));
        assertEquals(database.rows("SELECT SUM(" + stagesInDocument(database) + ") FROM curriculum_plans"),
                database.rows("SELECT COUNT(*) FROM curriculum_stages"));
    }

    @CairnTest
    void everyMigration_goesUpDownAndUpAgainToTheSameSchema(TestDatabase database) {
        assertEquals(4, MigrationTester.of(new MigrationRegistry(), database).assertRoundTrips().checked().size());
    }

    @CairnTest
    void rollingBackTheRobots_removesExactlyTheRowsTheyBecame(TestDatabase database) throws SQLException {
        MigrationTester tester = legacyFleet(database, 250);
        tester.migrator().migrate();

        tester.migrator().rollback("3");

        assertEquals(List.of("0|0|250"), database.rows(
                "SELECT (SELECT COUNT(*) FROM robots), (SELECT COUNT(*) FROM robot_skills), (SELECT COUNT(*) FROM humanoid_robots)"));
    }

    /** The skills of every legacy document, one row each, as the database itself reads the JSON. */
    private static String skillsInDocuments(TestDatabase database) {
        return database.kind() == DatabaseKind.POSTGRESQL
                ? "humanoid_robots, jsonb_object_keys(CAST(learned_skills AS jsonb))"
                : "humanoid_robots, json_each(learned_skills)";
    }

    private static String stagesInDocument(TestDatabase database) {
        return database.kind() == DatabaseKind.POSTGRESQL ? "jsonb_array_length(CAST(stages AS jsonb))" : "json_array_length(stages)";
    }
}
