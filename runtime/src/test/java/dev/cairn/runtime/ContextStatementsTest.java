package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How the context runs the SQL it is given: a statement without parameters as written, several
 * statements in one string one by one, and a failure among them shown where it is.
 */
class ContextStatementsTest {

    @TempDir
    Path dir;

    /** 29 lines, 10 statements; the 5th (lines 17 to 19) names a column that does not exist. */
    private static final String SEED = """
            -- Routers and their planners, seeded in one go.
            CREATE TABLE routers (
                id INTEGER PRIMARY KEY,
                name VARCHAR(50) NOT NULL, -- unique; checked below
                metadata TEXT
            );
            CREATE TABLE planners (
                id INTEGER PRIMARY KEY,
                router_id INTEGER NOT NULL
            );
            /* Three routers; their names hold what a naive splitter trips on. */
            INSERT INTO routers (id, name, metadata) VALUES
                (1, 'alpha; the first', '{}'),
                (2, 'beta -- not a comment', '{}'),
                (3, 'gamma /* nor this */', '{}');
            INSERT INTO planners (id, router_id) VALUES (1, 1), (2, 2);
            UPDATE routers
               SET nmae = 'delta'
             WHERE id = 3;
            INSERT INTO planners (id, router_id) VALUES (3, 3);
            UPDATE routers SET metadata = '{"timeout": 300}' WHERE id = 1;
            DELETE FROM planners WHERE router_id = 2;
            CREATE INDEX planners_router ON planners (router_id);
            -- A view over both tables.
            CREATE VIEW router_planners AS
                SELECT r.name, p.id AS planner
                  FROM routers r
                  JOIN planners p ON p.router_id = r.id;
            -- end""";

    private static MigrationDescriptor seed(String sql) {
        return Mig.v("1", "Seed routers").step(() -> ctx -> ctx.execute(sql)).build();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void failingStatementOfSeveral_isShownAloneWithItsLine(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(Mig.source(seed(SEED))).load();
        assertEquals(29, SEED.lines().count());

        MigrationFailedException e = assertThrows(MigrationFailedException.class, migrator::migrate);

        String statement = "UPDATE routers\n   SET nmae = 'delta'\n WHERE id = 3";
        assertTrue(e.getMessage().startsWith("Migration 1 \"Seed routers\" (test.V1_Seedrouters) failed, and its transaction"
                + " was rolled back: the database is as it was before it. Migrations applied before it stay applied; the ones"
                + " after it were not run.\n  Statement 5 of 10, at line 17 of the SQL given to execute(): " + statement
                + "\n  Error: "), e.getMessage());
        assertEquals(statement, e.statement().orElseThrow());
        if (kind == DbKind.POSTGRES) {
            assertTrue(e.getMessage().contains("\n  Error: [SQLState 42703] ERROR: column \"nmae\" of relation \"routers\" does"
                    + " not exist\n  Position: 23 (line 18, column 8 of the SQL given to execute())\nFix "), e.getMessage());
        } else {
            assertTrue(e.getMessage().contains("(no such column: nmae)\nFix "), e.getMessage());
        }
        assertEquals(List.of(), db.tables().stream().filter(t -> !t.startsWith("cairn_")).toList());
        assertEquals(List.of(), db.rows("SELECT version FROM cairn_history"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void severalStatementsInOneString_eachRunAndAreRecordedOneByOne(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(Mig.source(seed(SEED.replace("nmae", "name")))).load();

        DryRunReport dryRun = migrator.dryRun();
        MigrationReport report = migrator.migrate();

        assertEquals(10, report.applied().get(0).statementCount());
        assertEquals("UPDATE routers\n   SET name = 'delta'\n WHERE id = 3", report.applied().get(0).statements().get(4));
        assertEquals(report.applied().get(0).statements(), dryRun.wouldApply().get(0).statements());
        assertEquals(List.of("alpha; the first|1", "delta|3"),
                db.rows("SELECT name, planner FROM router_planners ORDER BY planner"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void parametersWithSeveralStatements_areRefused(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Migrator migrator = db.configure(Mig.source(Mig.v("1", "Two with a parameter").step(() -> ctx -> ctx.execute(
                "CREATE TABLE t (id INTEGER); INSERT INTO t (id) VALUES (?)", 1)).build())).load();

        MigrationFailedException e = assertThrows(MigrationFailedException.class, migrator::migrate);

        assertTrue(e.getMessage().contains("\n  Error: Migration 1 \"Two with a parameter\" (test.V1_Twowithaparameter) gives"
                + " execute() 2 statements and 1 parameter: parameters go with a single statement, so Cairn cannot tell which"
                + " of them each belongs to. Call execute() once for each statement that takes parameters.\n"), e.getMessage());
        assertEquals(List.of(), db.tables().stream().filter(t -> !t.startsWith("cairn_")).toList());
    }

    @Test
    void postgresJsonbQuestionMarkOperators_runAsWrittenWhenThereAreNoParameters() {
        TestDb db = TestDb.create(DbKind.POSTGRES, dir);
        List<Object> found = new ArrayList<>();
        MigrationDescriptor jsonb = Mig.v("1", "Flag documents").step(() -> ctx -> {
            ctx.execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, body JSONB NOT NULL, flagged BOOLEAN NOT NULL DEFAULT FALSE)");
            ctx.execute("INSERT INTO docs (id, body) VALUES (1, '{\"a\": 1}'), (2, '{\"b\": 2}'), (3, '{\"a\": 1, \"b\": 2}')");
            found.add(ctx.execute("UPDATE docs SET flagged = TRUE WHERE body ? 'a'"));
            found.add(ctx.query("SELECT id FROM docs WHERE body ?| array['b'] ORDER BY id", row -> row.getInt(1)));
            found.add(ctx.queryOne("SELECT id FROM docs WHERE body ?& array['a', 'b']", row -> row.getInt(1)).orElseThrow());
            found.add(ctx.queryForList("SELECT id FROM docs WHERE body ? 'b' AND flagged"));
            found.add(ctx.execute("UPDATE docs SET flagged = FALSE WHERE body ?? 'b' AND id = ?", 3));
        }).build();

        db.configure(Mig.source(jsonb)).load().migrate();

        assertEquals("[2, [2, 3], 3, [{id=3}], 1]", found.toString());
        assertEquals(List.of("1|true", "2|false", "3|false"), db.rows("SELECT id, flagged FROM docs ORDER BY id"));
    }
}
