package dev.cairn.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.runtime.MigrationSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema snapshots: a match passes, a change or a missing file fails saying what to do, an update rewrites. */
class SchemaSnapshotTest {

    private static final MigrationSource ROUTERS = SqlMigration.source(SqlMigration.v("1", "Create routers")
            .up("CREATE TABLE routers (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL)").down("DROP TABLE routers").build());

    private static final Schema HOSTS = new Schema(List.of(new Schema.Table("hosts", "table",
            List.of(new Schema.Column("id", "INTEGER", false, Optional.empty())), List.of("id"), List.of(), List.of(), List.of())));

    private static final String HOW_TO_UPDATE = "run the test with -Dcairn.updateSnapshots=true"
            + " (or the environment variable CAIRN_UPDATE_SNAPSHOTS=true)";

    @TempDir
    Path dir;

    @CairnTest
    void assertSchemaMatchesSnapshot_migratesFirst_andPassesOnTheSchemaTheMigrationsBuild(TestDatabase database) {
        Path file = dir.resolve("schema.txt");
        try (TestDatabase other = TestDatabase.create(database.kind())) {
            MigrationTester elsewhere = MigrationTester.of(ROUTERS, other);
            elsewhere.migrator().migrate();
            new SchemaSnapshot(file, true).assertMatches(elsewhere.schema());
        }

        MigrationTester.of(ROUTERS, database).assertSchemaMatchesSnapshot(file);

        assertEquals(List.of("1"), database.rows("SELECT version FROM cairn_history"));
    }

    @Test
    void anUpdate_writesTheSortedLinesUnderAHeader() throws IOException {
        Path file = dir.resolve("cairn/schema-sqlite.txt");

        new SchemaSnapshot(file, true).assertMatches(HOSTS);

        assertEquals("""
                # The schema the migrations build, read from the database's catalog by cairn-test.
                # Rewrite it with -Dcairn.updateSnapshots=true rather than by hand.
                table hosts: columns id
                column hosts.id: INTEGER NOT NULL
                primary key of hosts: (id)
                """, Files.readString(file));
    }

    @Test
    void aMissingSnapshot_failsSayingHowToCreateIt() {
        Path file = dir.resolve("schema-sqlite.txt");

        AssertionError failure = assertThrows(AssertionError.class, () -> new SchemaSnapshot(file, false).assertMatches(HOSTS));

        assertEquals("There is no schema snapshot at " + file + " (" + file.toAbsolutePath() + "). To create it, "
                + HOW_TO_UPDATE + ", check the file and commit it.", failure.getMessage());
    }

    @Test
    void aChangedSchema_failsWithTheLinesThatDiffer() throws IOException {
        Path file = dir.resolve("schema-sqlite.txt");
        Files.writeString(file, "# header\ntable hosts: columns id\ncolumn hosts.id: TEXT\nprimary key of hosts: (id)\n");

        AssertionError failure = assertThrows(AssertionError.class, () -> new SchemaSnapshot(file, false).assertMatches(HOSTS));

        assertEquals("The schema differs from the snapshot " + file + " (- only in the snapshot, + only in the database):\n"
                + "  - column hosts.id: TEXT\n"
                + "  + column hosts.id: INTEGER NOT NULL\n"
                + "If the migrations are right, " + HOW_TO_UPDATE + " to rewrite the snapshot, and commit it.",
                failure.getMessage());
    }

    @Test
    void theSystemProperty_turnsComparingIntoRewriting() throws IOException {
        Path file = dir.resolve("schema.txt");
        Files.writeString(file, "table outdated: columns id\n");
        System.setProperty(SchemaSnapshot.UPDATE_PROPERTY, "true");
        try {
            SchemaSnapshot.at(file).assertMatches(HOSTS);
        } finally {
            System.clearProperty(SchemaSnapshot.UPDATE_PROPERTY);
        }

        new SchemaSnapshot(file, false).assertMatches(HOSTS);
    }

    @Test
    void eachKindOfDatabase_hasItsSnapshotUnderTestResources() {
        assertEquals(Path.of("src/test/resources/cairn/schema-postgresql.txt"), SchemaSnapshot.of(DatabaseKind.POSTGRESQL).file());
    }
}
