package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.testing.Children;
import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What Cairn keeps of the statements a migration runs: a count and the last ones, with large
 * values summarized, so that a long data migration runs in little memory and a failure message
 * stays readable; every statement, only in a dry run, whose script needs them all.
 */
class StatementRecordTest {

    @TempDir
    Path dir;

    /** Inserts {@code count} rows, one statement each. */
    private static MigrationDescriptor inserts(int count) {
        return Mig.v("2", "Many inserts").dependsOn("1").step(() -> ctx -> {
            for (int i = 1; i <= count; i++) {
                ctx.execute("INSERT INTO blobs (id, data) VALUES (?, ?)", i, new byte[] {1});
            }
        }).build();
    }

    /** Version 1: a table for binary values, in the database's type for them. */
    private static MigrationDescriptor blobsTable(DbKind kind) {
        return Mig.v("1", "Create blobs").up("CREATE TABLE blobs (id INTEGER PRIMARY KEY, data "
                + (kind == DbKind.SQLITE ? "BLOB" : "BYTEA") + " NOT NULL, note TEXT)").build();
    }

    @Test
    void millionStatementLoop_runsInASmallHeap() throws Exception {
        TestDb db = TestDb.create(DbKind.SQLITE, dir);
        Path log = dir.resolve("child.log");

        Process child = Children.start(log, List.of("-Xmx64m"), "statement-loop", db.jdbcUrl(), dir.toString(), "1000000");
        String output = Children.awaitExit(child, log, Duration.ofSeconds(120));

        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("applied 1"), output);
        assertEquals(List.of("1000000"), db.rows("SELECT COUNT(*) FROM numbers"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void report_countsEveryStatementAndKeepsTheLastFifty(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);

        MigrationReport report = db.configure(Mig.source(blobsTable(kind), inserts(120))).load().migrate();

        ExecutedMigration inserted = report.applied().get(1);
        assertEquals(120, inserted.statementCount());
        assertEquals(50, inserted.statements().size());
        assertEquals("-- parameters [71, <byte[1]>]\nINSERT INTO blobs (id, data) VALUES (?, ?)", inserted.statements().get(0));
        assertEquals("-- parameters [120, <byte[1]>]\nINSERT INTO blobs (id, data) VALUES (?, ?)", inserted.statements().get(49));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void dryRun_keepsEveryStatementForItsScript(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(Mig.source(blobsTable(kind), inserts(120))).load();
        migrator.migrate("1");

        DryRunReport dryRun = migrator.dryRun();

        assertEquals(120, dryRun.wouldApply().get(0).statementCount());
        assertEquals(120, dryRun.wouldApply().get(0).statements().size());
        assertTrue(dryRun.toSqlScript().contains("-- parameters [1, <byte[1]>]\nINSERT INTO blobs (id, data) VALUES (?, ?);\n"),
                dryRun.toSqlScript());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void failingStatementWithA50KilobyteValue_givesAShortMessage(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(Mig.source(blobsTable(kind), Mig.v("2", "Large values").dependsOn("1")
                .step(() -> ctx -> {
                    ctx.execute("INSERT INTO blobs (id, data) VALUES (1, ?)", new byte[] {1});
                    ctx.execute("INSERT INTO blobs (id, data, note) VALUES (?, ?, ?)", 1, new byte[51_200], "x".repeat(100_000));
                }).build())).load();
        migrator.migrate("1");
        String before = db.snapshot();

        MigrationFailedException e = assertThrows(MigrationFailedException.class, migrator::migrate);

        assertTrue(e.getMessage().length() < 2_000, e.getMessage().length() + " characters: " + e.getMessage());
        assertTrue(e.getMessage().contains("\n  Statement: -- parameters [1, <byte[51200]>, " + "x".repeat(200)
                + "… (100,000 characters)]\nINSERT INTO blobs (id, data, note) VALUES (?, ?, ?)\n  Error: "), e.getMessage());
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void nonTransactionalFailureAfterManyStatements_listsTheLastOnesAndCountsTheRest(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        String hex = kind == DbKind.SQLITE ? "X'01'" : "'\\x01'";
        Migrator migrator = db.configure(Mig.source(blobsTable(kind), Mig.v("2", "Fails late").dependsOn("1")
                .nonTransactional().step(() -> ctx -> {
                    for (int i = 1; i <= 120; i++) {
                        ctx.execute("INSERT INTO blobs (id, data) VALUES (" + i + ", " + hex + ")");
                    }
                    ctx.execute("INSERT INTO blobs (id, data) VALUES (1, NULL)");
                }).build())).load();
        migrator.migrate("1");

        MigrationFailedException e = assertThrows(MigrationFailedException.class, migrator::migrate);

        assertTrue(e.getMessage().contains("so what ran before the failure stays done:\n    … 71 earlier statements\n"
                + "    INSERT INTO blobs (id, data) VALUES (72, " + hex + ")\n"), e.getMessage());
        assertTrue(e.getMessage().contains("\n    INSERT INTO blobs (id, data) VALUES (120, " + hex + ")\n  Statement: INSERT"
                + " INTO blobs (id, data) VALUES (1, NULL)\n"), e.getMessage());
        assertEquals(List.of("120"), db.rows("SELECT COUNT(*) FROM blobs"));
    }
}
