package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.ConditionsReport.Check;
import dev.cairn.runtime.ConditionsReport.Checked;
import dev.cairn.runtime.ConditionsReport.Outcome;
import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.RenamedDatabase;
import dev.cairn.runtime.testing.RenamedSqliteProvider;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each kind of check, passing and failing, with what it expected and found: run as the
 * postconditions of an applied migration through checkConditions, and through migrate where a
 * migration leaves a broken database.
 */
class ChecksTest {

    @TempDir
    Path dir;

    private static final String[] SCHEMA = {
        "CREATE TABLE planners (id INTEGER PRIMARY KEY, name VARCHAR(50))",
        "INSERT INTO planners (id, name) VALUES (1, 'alpha'), (2, 'beta'), (3, NULL)",
        "CREATE VIEW named_planners AS SELECT id, name FROM planners WHERE name IS NOT NULL",
        "CREATE TABLE workers (id INTEGER PRIMARY KEY, planner_id INTEGER REFERENCES planners (id))",
    };

    private static Mig schema() {
        return Mig.v("1", "Create planners").up(SCHEMA);
    }

    /** Applies the schema on a new database. */
    private TestDb migrated(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(Mig.source(schema().build())).load().migrate();
        return db;
    }

    /** The applied migration's postconditions, run by checkConditions with {@code condition}. */
    private static Checked postconditions(TestDb db, Mig.Condition condition) {
        return db.configure(Mig.source(schema().postconditions(condition).build())).load().checkConditions().migrations().get(0);
    }

    /** The one check a condition ran, which passed; returns what it found. */
    private static String passes(TestDb db, Mig.Condition condition) {
        Checked checked = postconditions(db, condition);
        assertEquals(Outcome.PASSED, checked.outcome(), checked.detail());
        assertEquals(1, checked.checks().size());
        assertTrue(checked.checks().get(0).passed());
        return checked.checks().get(0).found();
    }

    /** The message of the check that failed. */
    private static String fails(TestDb db, Mig.Condition condition) {
        Checked checked = postconditions(db, condition);
        assertEquals(Outcome.FAILED, checked.outcome());
        return checked.detail();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void tableAndColumnChecks_passAndFail_sayingWhatTheyFound(DbKind kind) {
        TestDb db = migrated(kind);
        String inSchema = kind == DbKind.POSTGRES ? " in schema public" : "";
        String varchar = kind == DbKind.SQLITE ? "VARCHAR" : "varchar";

        assertEquals("a table planners" + inSchema, passes(db, c -> c.tableExists("planners")));
        assertEquals("a table planners" + inSchema, passes(db, c -> c.tableExists("PLANNERS")), "names as unquoted SQL reads them");
        String schema = kind == DbKind.POSTGRES ? "public" : "main";
        assertEquals("a table planners" + inSchema, passes(db, c -> c.tableExists(schema.toUpperCase() + ".planners")));
        assertEquals("column id (" + (kind == DbKind.SQLITE ? "INTEGER" : "int4") + ")",
                passes(db, c -> c.columnExists(schema + ".planners", "ID")));
        assertEquals("postcondition \"table robots exists\" failed: expected a table robots; found no table of that name.",
                fails(db, c -> c.tableExists("robots")));
        assertEquals("postcondition \"table named_planners exists\" failed: expected a table named_planners; found a view"
                + " named_planners" + inSchema + ".", fails(db, c -> c.tableExists("named_planners")));
        assertEquals("none", passes(db, c -> c.tableMissing("robots")));
        assertEquals("postcondition \"table planners is missing\" failed: expected no table or view planners; found a table"
                + " planners" + inSchema + ".", fails(db, c -> c.tableMissing("planners")));

        assertEquals("column name (" + varchar + ")", passes(db, c -> c.columnExists("planners", "name")));
        assertEquals("postcondition \"column planners.timeout exists\" failed: expected a column timeout in table planners;"
                + " found no such column; its columns are id, name.", fails(db, c -> c.columnExists("planners", "timeout")));
        assertEquals("postcondition \"column robots.id exists\" failed: expected a column id in table robots; found no table"
                + " robots.", fails(db, c -> c.columnExists("robots", "id")));
        assertEquals("no such column", passes(db, c -> c.columnMissing("planners", "timeout")));
        assertEquals("postcondition \"column planners.name is missing\" failed: expected table planners without a column name;"
                + " found column name (" + varchar + ").", fails(db, c -> c.columnMissing("planners", "name")));
        assertEquals("postcondition \"column robots.name is missing\" failed: expected table robots without a column name;"
                + " found no table robots.", fails(db, c -> c.columnMissing("robots", "name")));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void queryChecks_passAndFail_sayingWhatTheyFound(DbKind kind) {
        TestDb db = migrated(kind);

        assertEquals("none", passes(db, c -> c.none("every planner known", "SELECT id FROM planners WHERE id > ?", 3)));
        assertEquals("postcondition \"every planner named\" failed: expected no row from SELECT id, name FROM planners WHERE"
                + " name IS NULL; found 1 row: id=3, name=NULL.",
                fails(db, c -> c.none("every planner named", "SELECT id, name FROM planners WHERE name IS NULL")));
        db.execute("INSERT INTO workers (id, planner_id) VALUES (1, 1), (2, 1), (3, 1), (4, 2), (5, 2), (6, 2), (7, 3)");
        assertEquals("postcondition \"no worker\" failed: expected no row from SELECT id FROM workers ORDER BY id; found more"
                + " than 5 rows, the first 5: id=1; id=2; id=3; id=4; id=5.",
                fails(db, c -> c.none("no worker", "SELECT id FROM workers ORDER BY id")));

        assertEquals("3", passes(db, c -> c.count("three planners", "SELECT COUNT(*) FROM planners", 3)));
        assertEquals("postcondition \"a worker each\" failed: expected 3 from SELECT COUNT(*) FROM workers; found 7.",
                fails(db, c -> c.count("a worker each", "SELECT COUNT(*) FROM workers", 3)));
        assertEquals("postcondition \"named\" failed: expected 1 from SELECT name FROM planners WHERE id = 1; found 'alpha',"
                + " not a number.", fails(db, c -> c.count("named", "SELECT name FROM planners WHERE id = 1", 1)));
        assertEquals("postcondition \"nothing\" failed: expected 0 from SELECT id FROM planners WHERE id = 9; found no row.",
                fails(db, c -> c.count("nothing", "SELECT id FROM planners WHERE id = 9", 0)));
        assertEquals("postcondition \"two\" failed: expected 1 from SELECT id, name FROM planners WHERE id = 1; found a row of"
                + " 2 columns (the query should return one value).",
                fails(db, c -> c.count("two", "SELECT id, name FROM planners WHERE id = 1", 1)));

        assertEquals("'beta'", passes(db, c -> c.value("second name", "SELECT name FROM planners WHERE id = ?", "beta", 2)));
        assertEquals("3", passes(db, c -> c.value("max id", "SELECT MAX(id) FROM planners", 3.0)), "numbers by value");
        assertEquals("1", passes(db, c -> c.value("a true flag", "SELECT 1", true)), "a boolean as 1");
        assertEquals("NULL", passes(db, c -> c.value("third name", "SELECT name FROM planners WHERE id = 3", null)));
        assertEquals("postcondition \"first name\" failed: expected 'beta' from SELECT name FROM planners WHERE id = 1; found"
                + " 'alpha'.", fails(db, c -> c.value("first name", "SELECT name FROM planners WHERE id = 1", "beta")));
        assertEquals("postcondition \"one id\" failed: expected 1 from SELECT id FROM planners; found more than one row (the"
                + " query should return one value).", fails(db, c -> c.value("one id", "SELECT id FROM planners", 1)));

        assertEquals("3 from both", passes(db, c -> c.equal("one row per planner", "SELECT COUNT(*) FROM planners",
                "SELECT COUNT(DISTINCT planner_id) FROM workers")));
        assertEquals("postcondition \"every planner named\" failed: expected the same value from SELECT COUNT(*) FROM planners"
                + " and from SELECT COUNT(*) FROM named_planners; found 3 and 2.",
                fails(db, c -> c.equal("every planner named", "SELECT COUNT(*) FROM planners", "SELECT COUNT(*) FROM named_planners")));

        assertEquals("alpha", passes(db, c -> c.that("alpha first", c.queryOne("SELECT name FROM planners WHERE id = 1",
                row -> row.getString(1)).orElseThrow().equals("alpha"), "alpha")));
        assertEquals("postcondition \"one planner\" failed: found 3 planners.", fails(db, c -> c.that("one planner",
                c.query("SELECT id FROM planners", row -> row.getLong(1)).size() == 1, "3 planners")));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aCheckWithoutItsName_orAQueryThatFails_isAFailureSayingWhy(DbKind kind) {
        TestDb db = migrated(kind);

        assertEquals("postconditions() threw java.lang.IllegalArgumentException: Migration 1 \"Create planners\""
                + " (test.V1_Createplanners) calls none() in its postconditions() with a null argument: give every check its name,"
                + " table, column or query.", fails(db, c -> c.none(null, "SELECT 1")));
        assertTrue(fails(db, c -> c.none("no ghost", "SELECT * FROM ghosts")).startsWith("postcondition \"no ghost\" could not"
                + " run: " + (kind == DbKind.POSTGRES ? "[SQLState 42P01] ERROR: relation \"ghosts\" does not exist" : "[SQLITE_ERROR]")));
        assertEquals("postconditions() threw java.lang.IllegalStateException: not ready", fails(db, c -> {
            throw new IllegalStateException("not ready");
        }));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void integrity_passesOnASoundDatabase(DbKind kind) {
        TestDb db = migrated(kind);

        Checked checked = postconditions(db, Checks::integrity);

        assertEquals(Outcome.PASSED, checked.outcome(), checked.detail());
        assertEquals(kind == DbKind.SQLITE
                ? List.of("no corruption (PRAGMA integrity_check)", "no dangling foreign key (PRAGMA foreign_key_check)")
                : List.of("no constraint left NOT VALID", "no invalid index"), checked.checks().stream().map(Check::name).toList());
    }

    @Test
    void integrity_onSqlite_catchesADanglingForeignKeyAMigrationLeft_andRollsItBack() {
        TestDb db = migrated(DbKind.SQLITE);
        String before = db.snapshot();
        MigrationDescriptor dangling = Mig.v("2", "Assign workers").dependsOn("1")
                .up("INSERT INTO workers (id, planner_id) VALUES (1, 1), (2, 99)")
                .postconditions(Checks::integrity).build();

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> db.configure(Mig.source(schema().build(), dangling)).load().migrate());

        assertEquals(ErrorCode.CONDITION_FAILED, e.code());
        assertTrue(e.getMessage().contains("\n  Error: postcondition \"no dangling foreign key (PRAGMA foreign_key_check)\""
                + " failed: expected no row whose foreign key points to a missing row; found 1 problem: workers row 2 refers to"
                + " a missing row of planners.\n"), e.getMessage());
        assertEquals(before, db.snapshot());
    }

    @Test
    void integrity_onPostgres_findsAConstraintLeftNotValid_andAnInvalidIndex() {
        TestDb db = migrated(DbKind.POSTGRES);
        db.execute("INSERT INTO workers (id, planner_id) VALUES (1, 1)");
        String before = db.snapshot();
        MigrationDescriptor notValid = Mig.v("2", "Check planner ids").dependsOn("1")
                .up("ALTER TABLE workers ADD CONSTRAINT positive_planner CHECK (planner_id > 0) NOT VALID")
                .postconditions(Checks::integrity).build();

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> db.configure(Mig.source(schema().build(), notValid)).load().migrate());

        assertTrue(e.getMessage().contains("\n  Error: postcondition \"no constraint left NOT VALID\" failed: expected every"
                + " constraint of the current schema validated; found 1 problem: constraint positive_planner on workers is NOT"
                + " VALID (ALTER TABLE workers VALIDATE CONSTRAINT positive_planner checks its rows).\n"), e.getMessage());
        assertEquals(before, db.snapshot());

        db.execute("INSERT INTO planners (id, name) VALUES (4, 'alpha')");
        assertThrows(IllegalStateException.class,
                () -> db.execute("CREATE UNIQUE INDEX CONCURRENTLY planners_name ON planners (name)"), "duplicate names");
        assertEquals("postcondition \"no invalid index\" failed: expected every index of the current schema valid; found 1"
                + " problem: index planners_name on planners is invalid (drop it and create it again).",
                fails(db, Checks::integrity));
    }

    @Test
    void integrity_onADatabaseCairnHasNoCheckFor_saysToWriteThem() {
        TestDb db = TestDb.create(DbKind.SQLITE, dir);
        MigrationDescriptor checked = Mig.v("1", "Create planners").up(SCHEMA).postconditions(Checks::integrity).build();

        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> Migrator.configure(Mig.source(checked),
                RenamedDatabase.renamed(db.dataSource(), RenamedSqliteProvider.PRODUCT)).load().migrate());

        assertEquals(ErrorCode.CONDITION_FAILED, e.code());
        assertTrue(e.getMessage().contains("Error: postconditions() threw Migration 1 \"Create planners\" (test.V1_Createplanners)"
                + " calls integrity() on CairnTestDB, for which Cairn knows no integrity check (it has them for SQLite and"
                + " PostgreSQL). Write the checks that matter for it with checks.that(...) or checks.none(...).\n"), e.getMessage());
        assertEquals(List.of(), db.tables().stream().filter(t -> !t.startsWith("cairn_")).toList());
    }
}
