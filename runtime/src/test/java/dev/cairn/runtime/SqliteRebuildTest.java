package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.testing.Connections;
import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** {@link MigrationContext#rebuildTable}: SQLite's documented table rebuild, with foreign keys enforced. */
class SqliteRebuildTest {

    @TempDir
    Path dir;

    private static final MigrationDescriptor SCHEMA = Mig.v("1", "Routers and workers").up(
            "CREATE TABLE routers (id INTEGER PRIMARY KEY, name TEXT, timeout TEXT)",
            "CREATE INDEX routers_name ON routers (name)",
            "CREATE TABLE audit (what TEXT)",
            "CREATE TRIGGER routers_audit AFTER INSERT ON routers BEGIN INSERT INTO audit VALUES (new.name); END",
            "CREATE TABLE workers (id INTEGER PRIMARY KEY, router_id INTEGER NOT NULL REFERENCES routers (id))",
            "INSERT INTO routers (id, name, timeout) VALUES (1, 'r1', '30'), (2, 'r2', NULL)",
            "INSERT INTO workers (id, router_id) VALUES (10, 1)").build();

    private static final MigrationDescriptor REBUILD = Mig.v("2", "Timeout as a required integer").step(() -> ctx ->
            ctx.rebuildTable("routers", "id INTEGER PRIMARY KEY, name TEXT NOT NULL, timeout INTEGER NOT NULL",
                    Map.of("id", "id", "name", "name", "timeout", "COALESCE(CAST(timeout AS INTEGER), 300)"))).build();

    /** Renumbers routers, leaving the worker of router 1 without its router. */
    private static final MigrationDescriptor DROPS_PARENT = Mig.v("2", "Drop routers still referenced").step(() -> ctx ->
            ctx.rebuildTable("routers", "id INTEGER PRIMARY KEY, name TEXT, timeout TEXT",
                    Map.of("id", "id + 100", "name", "name", "timeout", "timeout"))).build();

    private static SQLiteDataSource enforcingForeignKeys(TestDb db) {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl(db.jdbcUrl());
        dataSource.setEnforceForeignKeys(true);
        return dataSource;
    }

    @Test
    void rebuildTable_changesColumnsKeepsRowsIndexesTriggersAndForeignKeys() throws Exception {
        TestDb db = TestDb.create(DbKind.SQLITE, dir);
        // One connection, handed out again as a pool would: the check below sees the connection Cairn used.
        try (Connection connection = enforcingForeignKeys(db).getConnection(); Statement statement = connection.createStatement()) {
            MigrationReport report = Migrator.configure(Mig.source(SCHEMA, REBUILD), Connections.single(connection)).load().migrate();

            assertEquals(List.of("1|r1|30", "2|r2|300"), db.rows("SELECT id, name, timeout FROM routers ORDER BY id"));
            assertEquals(List.of("integer"), db.rows("SELECT typeof(timeout) FROM routers WHERE id = 1"));
            assertEquals(List.of("index|routers_name", "trigger|routers_audit"),
                    db.rows("SELECT type, name FROM sqlite_master WHERE tbl_name = 'routers' AND type <> 'table' ORDER BY type"));
            assertTrue(report.applied().get(1).statements().contains("DROP TABLE \"routers\""),
                    report.applied().get(1).statements().toString());
            assertThrows(SQLException.class, () -> statement.execute("INSERT INTO workers (id, router_id) VALUES (11, 99)"),
                    "foreign keys are enforced again on the connection Cairn used");
        }
    }

    @Test
    void dryRunOfARebuild_withForeignKeysOn_leavesThemOnAndTheDatabaseUnchanged() throws Exception {
        TestDb db = TestDb.create(DbKind.SQLITE, dir);
        try (Connection connection = enforcingForeignKeys(db).getConnection(); Statement statement = connection.createStatement()) {
            Migrator.configure(Mig.source(SCHEMA), Connections.single(connection)).load().migrate();
            String before = db.snapshot();

            DryRunReport dryRun = Migrator.configure(Mig.source(SCHEMA, REBUILD), Connections.single(connection)).load().dryRun();

            assertTrue(dryRun.wouldApply().get(0).statements().contains("DROP TABLE \"routers\""), dryRun.toSqlScript());
            assertEquals(before, db.snapshot());
            assertThrows(SQLException.class, () -> statement.execute("INSERT INTO workers (id, router_id) VALUES (11, 99)"),
                    "foreign keys are enforced again on the connection Cairn used");
        }
    }

    @Test
    void migrationBreakingAForeignKey_failsBeforeCommitAndChangesNothing() {
        TestDb db = TestDb.create(DbKind.SQLITE, dir);
        SQLiteDataSource dataSource = enforcingForeignKeys(db);
        Migrator.configure(Mig.source(SCHEMA), dataSource).load().migrate();
        String before = db.snapshot();

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> Migrator.configure(Mig.source(SCHEMA, DROPS_PARENT), dataSource).load().migrate());

        assertTrue(e.getMessage().contains("Error: [SQLState 23000] foreign key check failed: 1 row of workers references a"
                + " missing row of routers (0 before this migration)"), e.getMessage());
        assertEquals(before, db.snapshot());
    }

    @Test
    void dryRunOfARebuildBreakingAForeignKey_namesTheMigrationAndChangesNothing() throws Exception {
        TestDb db = TestDb.create(DbKind.SQLITE, dir);
        SQLiteDataSource dataSource = enforcingForeignKeys(db);
        Migrator.configure(Mig.source(SCHEMA), dataSource).load().migrate();
        String before = db.snapshot();

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> Migrator.configure(Mig.source(SCHEMA, DROPS_PARENT), dataSource).load().dryRun());

        assertTrue(e.getMessage().startsWith("Dry run: migration 2 \"Drop routers still referenced\""
                + " (test.V2_Droproutersstillreferenced) fails. Nothing was changed"), e.getMessage());
        assertTrue(e.getMessage().contains("foreign key check failed: 1 row of workers references a missing row of routers"),
                e.getMessage());
        assertEquals(before, db.snapshot());
    }

    @Test
    void dryRunScriptOfARebuild_switchesForeignKeysOffAroundIt_soRunningItKeepsChildRows() throws Exception {
        TestDb db = TestDb.create(DbKind.SQLITE, dir);
        try (Connection connection = enforcingForeignKeys(db).getConnection(); Statement statement = connection.createStatement()) {
            Migrator.configure(Mig.source(SCHEMA), Connections.single(connection)).load().migrate();
            String script = Migrator.configure(Mig.source(SCHEMA, REBUILD), Connections.single(connection)).load()
                    .dryRun().toSqlScript();

            assertTrue(script.contains("-- 2 Timeout as a required integer\nPRAGMA foreign_keys = OFF;\n"), script);
            assertTrue(script.endsWith(";\nPRAGMA foreign_key_check;\nPRAGMA foreign_keys = ON;\n"), script);
            // Run as a user would, on the connection that enforces foreign keys: one statement a line.
            for (String line : script.lines().filter(l -> !l.isBlank() && !l.startsWith("--")).toList()) {
                statement.execute(line.substring(0, line.length() - 1));
            }
        }
        assertEquals(List.of("10|1"), db.rows("SELECT id, router_id FROM workers"));
        assertEquals(List.of("1|r1|30", "2|r2|300"), db.rows("SELECT id, name, timeout FROM routers ORDER BY id"));
    }

    @Test
    void rebuildTable_inANonTransactionalMigration_isRefusedEvenWithForeignKeysOff() {
        TestDb db = TestDb.create(DbKind.SQLITE, dir);
        db.configure(Mig.source(SCHEMA)).load().migrate();
        String before = db.snapshot();
        MigrationDescriptor nonTransactional = Mig.v("2", "Rebuild in autocommit").nonTransactional().step(() -> ctx ->
                ctx.rebuildTable("routers", "id INTEGER PRIMARY KEY, name TEXT", Map.of("id", "id", "name", "name"))).build();

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> db.configure(Mig.source(SCHEMA, nonTransactional)).load().migrate());

        assertTrue(e.getMessage().contains("Migration 2 \"Rebuild in autocommit\" (test.V2_Rebuildinautocommit) calls"
                + " rebuildTable(\"routers\") but is non-transactional (transactional = false). A rebuild drops and recreates"
                + " the table, which must be all or nothing: make the migration transactional"), e.getMessage());
        assertTrue(e.getMessage().contains("(no statement ran before it)"), e.getMessage());
        assertEquals(before, db.snapshot());
    }

    @Test
    void rebuildTable_onPostgres_pointsToAlterTable() {
        TestDb db = TestDb.create(DbKind.POSTGRES, dir);
        db.execute("CREATE TABLE routers (id INTEGER PRIMARY KEY, name TEXT, timeout TEXT)");
        String before = db.snapshot();

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> db.configure(Mig.source(REBUILD)).load().migrate());

        assertTrue(e.getMessage().contains("Migration 2 \"Timeout as a required integer\" (test.V2_Timeoutasarequiredinteger)"
                + " calls rebuildTable(\"routers\"), which is for databases whose ALTER TABLE cannot change a column, such as"
                + " SQLite. PostgreSQL changes column types and constraints with ALTER TABLE: use db.execute(\"ALTER TABLE"
                + " ...\"), or branch on db.database().has(Database.Capability.TABLE_REBUILD)."), e.getMessage());
        assertEquals(before.lines().filter(l -> !l.startsWith("cairn_history")).toList(),
                new ArrayList<>(db.snapshot().lines().filter(l -> !l.startsWith("cairn_history")).toList()));
    }
}
