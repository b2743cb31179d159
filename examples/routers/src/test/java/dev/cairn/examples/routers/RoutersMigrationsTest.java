package dev.cairn.examples.routers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.test.CairnTest;
import dev.cairn.test.MigrationTester;
import dev.cairn.test.RoundTripReport;
import dev.cairn.test.TestDatabase;
import java.util.List;

/** The routers migrations checked with the test kit, as a user checks their own. */
class RoutersMigrationsTest {

    @CairnTest
    void everyReversibleMigration_goesUpDownAndUpAgainToTheSameSchema(TestDatabase database) {
        RoundTripReport report = MigrationTester.of(new MigrationRegistry(), database).assertRoundTrips();

        assertEquals(List.of("1", "2", "2.1", "3", "4"), report.checked().stream().map(m -> m.version().toString()).toList());
        assertEquals(List.of("5"), report.skipped().stream().map(m -> m.version().toString()).toList());
    }

    @CairnTest
    void promoteTimeout_copiesEachRoutersTimeout_andDefaultsTheOthers(TestDatabase database) {
        MigrationTester tester = MigrationTester.of(new MigrationRegistry(), database);
        tester.migrateToJustBefore("3");
        database.execute("INSERT INTO routers (id, name, metadata) VALUES (9, 'edge-lyon', '{\"timeout_seconds\": 45}')");
        database.execute("INSERT INTO routers (id, name) VALUES (10, 'edge-oslo')");

        tester.apply("3");

        assertEquals(List.of("9|45", "10|300"), database.rows("SELECT id, timeout_seconds FROM routers WHERE id >= 9 ORDER BY id"));
    }

    @CairnTest
    void theSchema_matchesTheCommittedSnapshot(TestDatabase database) {
        MigrationTester.of(new MigrationRegistry(), database).assertSchemaMatchesSnapshot();
    }
}
