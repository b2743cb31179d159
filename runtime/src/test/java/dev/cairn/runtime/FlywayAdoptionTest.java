package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.internal.flyway.FlywayChecksum;
import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.SqlMig;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A database migrated by real Flyway, then by Cairn with the same files: Flyway's record is
 * adopted, each file checked against the checksum Flyway recorded, nothing run again, and
 * Flyway's table left as it was.
 */
class FlywayAdoptionTest {

    private static final String APPLIED = "flywaydir/applied/";

    private static final MigrationDescriptor V1 = SqlMig.v("1", "create routers", APPLIED + "V1__create_routers.sql").build();
    /** Saved with a byte order mark and CRLF line ends, which Flyway's checksum leaves out. */
    private static final MigrationDescriptor V2 = SqlMig.v("2", "add zone", APPLIED + "V2__add_zone.sql").dependsOn("1").build();
    private static final MigrationDescriptor V3 = SqlMig.v("3", "seed routers", APPLIED + "V3__seed_routers.sql").dependsOn("2")
            .build();
    private static final MigrationDescriptor V4 = SqlMig.v("4", "add planners", "flywaydir/later/V4__add_planners.sql")
            .dependsOn("3").build();
    private static final RepeatableMigration NAMES = SqlMig.repeatable("router_names", APPLIED + "R__router_names.sql");

    @TempDir
    Path dir;

    private static void flywayMigrate(TestDb db) {
        Flyway.configure().dataSource(db.dataSource()).locations("classpath:flywaydir/applied").load().migrate();
    }

    private static MigrationSource source(List<MigrationDescriptor> migrations, RepeatableMigration... repeatables) {
        return new MigrationSource() {
            @Override
            public List<MigrationDescriptor> migrations() {
                return migrations;
            }

            @Override
            public List<RepeatableMigration> repeatables() {
                return List.of(repeatables);
            }
        };
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aFlywayDatabase_isAdopted_nothingRunsAgain_andLaterFilesAreApplied(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        flywayMigrate(db);
        List<String> flywayRows = db.rows("SELECT * FROM flyway_schema_history ORDER BY installed_rank");
        List<String> flywayChecksums = db.rows("SELECT version, checksum FROM flyway_schema_history ORDER BY installed_rank");

        MigrationReport report = db.configure(source(List.of(V1, V2, V3, V4), NAMES)).load().migrate();

        assertEquals(List.of("4"), report.applied().stream().map(m -> m.version().toString()).toList());
        assertEquals(List.of("1", "2", "3"), report.adopted().stream().map(Object::toString).toList());
        assertTrue(report.summary().startsWith("Adopted 3 migrations from Flyway's history, recorded as applied without running"
                + " them: 1, 2, 3.\nApplied 1 migration to "), report.summary());
        assertEquals(List.of(), report.repeatables(), "the view is as Flyway created it");
        assertEquals(List.of("1|1", "2|2"), db.rows("SELECT id, router_id FROM planners ORDER BY id"));
        assertEquals(List.of("r1@eu", "r2; the second@us"), db.rows("SELECT name FROM router_names ORDER BY name"));
        assertEquals(List.of("1|" + V1.checksum(), "2|" + V2.checksum(), "3|" + V3.checksum(), "4|" + V4.checksum()),
                db.rows("SELECT version, checksum FROM cairn_history ORDER BY version"));
        assertEquals(List.of("1|BASELINE|adopted from flyway_schema_history: V1__create_routers.sql, installed_rank 1, Flyway"
                        + " checksum " + flywayChecksum(flywayChecksums, "1"),
                "2|BASELINE|adopted from flyway_schema_history: V2__add_zone.sql, installed_rank 2, Flyway checksum "
                        + flywayChecksum(flywayChecksums, "2"),
                "3|BASELINE|adopted from flyway_schema_history: V3__seed_routers.sql, installed_rank 3, Flyway checksum "
                        + flywayChecksum(flywayChecksums, "3"),
                "4|APPLY|"), db.rows("SELECT version, action, detail FROM cairn_log ORDER BY id"));
        assertEquals(List.of("router_names|" + NAMES.checksum()), db.rows("SELECT name, checksum FROM cairn_history_repeatable"));
        assertEquals(flywayRows, db.rows("SELECT * FROM flyway_schema_history ORDER BY installed_rank"));
        assertTrue(db.configure(source(List.of(V1, V2, V3, V4), NAMES)).load().migrate().isUpToDate());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void statusAndValidate_showWhatTheNextMigrateAdopts_andCreateNothing(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        flywayMigrate(db);
        String before = db.snapshot();
        Migrator migrator = db.configure(source(List.of(V1, V2, V3, V4), NAMES)).load();

        StatusReport status = migrator.status();
        ValidationReport validation = migrator.validate();

        assertEquals(List.of("1|APPLIED", "2|APPLIED", "3|APPLIED", "4|PENDING"),
                status.migrations().stream().map(m -> m.version() + "|" + m.state()).toList());
        assertEquals(List.of("router_names|APPLIED"), status.repeatables().stream().map(r -> r.name() + "|" + r.state()).toList());
        assertTrue(status.summary().endsWith("\nThe migrations shown applied are recorded in Flyway's history"
                + " (flyway_schema_history), each file checked against Flyway's checksum: the next migrate adopts them into"
                + " Cairn's history without running them."), status.summary());
        assertEquals(List.of("4"), validation.problems().stream().map(p -> p.version().toString()).toList());
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void dryRun_ofAFlywayDatabase_triesOnlyWhatFlywayDidNotApply_andChangesNothing(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        flywayMigrate(db);
        String before = db.snapshot();

        DryRunReport report = db.configure(source(List.of(V1, V2, V3, V4), NAMES)).load().dryRun();

        assertEquals(List.of("4"), report.wouldApply().stream().map(m -> m.version().toString()).toList());
        assertEquals(List.of(), report.repeatables());
        assertEquals(before, db.snapshot());
        assertFalse(db.hasTable("cairn_history"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void status_ofAnEditedFlywayFile_saysWhyItCannotBeAdopted(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        flywayMigrate(db);
        MigrationDescriptor edited = SqlMig.v("2", "add zone", "flywaydir/edited/V2__add_zone.sql").dependsOn("1").build();

        StatusReport status = db.configure(source(List.of(V1, edited, V3), NAMES)).load().status();

        assertEquals(List.of("1|PENDING", "2|PENDING", "3|PENDING"),
                status.migrations().stream().map(m -> m.version() + "|" + m.state()).toList());
        assertTrue(status.summary().contains("\nCannot adopt the Flyway history of "), status.summary());
        assertTrue(status.summary().contains("flywaydir/edited/V2__add_zone.sql was edited after Flyway applied it"),
                status.summary());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aRepeatableChangedSinceFlywayRanIt_runsAgain_andFlywaysOwnTableNameIsAnOption(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        Flyway.configure().dataSource(db.dataSource()).locations("classpath:flywaydir/applied").table("schema_history").load()
                .migrate();
        RepeatableMigration changed = SqlMig.repeatable("router_names", "flywaydir/edited/R__router_names.sql");

        MigrationReport report = db.configure(source(List.of(V1, V2, V3), changed)).flywayTable("schema_history").load()
                .migrate();

        assertEquals(List.of("1", "2", "3"), report.adopted().stream().map(Object::toString).toList());
        assertEquals(List.of(), report.applied());
        assertEquals(List.of("router_names"), report.repeatables().stream().map(ExecutedRepeatable::name).toList());
        assertEquals(List.of("R1", "R2; THE SECOND"), db.rows("SELECT name FROM router_names ORDER BY name"));
        assertTrue(db.rows("SELECT detail FROM cairn_log WHERE version = '1'").get(0)
                .startsWith("adopted from schema_history: V1__create_routers.sql"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aFlywayTableNameThatIsNoIdentifier_isRefusedAtLoad(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);

        MigrationException e = assertThrows(MigrationException.class,
                () -> db.configure(source(List.of(V1))).flywayTable("flyway history; DROP TABLE x").load());

        assertEquals(ErrorCode.INVALID_CONFIGURATION, e.code());
        assertTrue(e.getMessage().contains("flywayTable is \"flyway history; DROP TABLE x\", which is not a plain identifier"),
                e.getMessage());
    }

    private static String flywayChecksum(List<String> rows, String version) {
        return rows.stream().filter(r -> r.startsWith(version + "|")).findFirst().orElseThrow().substring(version.length() + 1);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void ourChecksum_isTheOneFlywayRecorded_forEveryFile(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        flywayMigrate(db);

        List<String> recorded = db.rows("SELECT script, checksum FROM flyway_schema_history WHERE checksum IS NOT NULL"
                + " ORDER BY installed_rank");

        assertEquals(List.of("V1__create_routers.sql", "V2__add_zone.sql", "V3__seed_routers.sql", "R__router_names.sql"),
                recorded.stream().map(r -> r.substring(0, r.indexOf('|'))).toList());
        for (String row : recorded) {
            String script = row.substring(0, row.indexOf('|'));
            assertEquals(row, script + "|" + FlywayChecksum.of(SqlMig.text(APPLIED + script)));
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aFileEditedAfterFlywayAppliedIt_refusesTheAdoption_andChangesNothing(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        flywayMigrate(db);
        String before = db.snapshot();
        MigrationDescriptor edited = SqlMig.v("2", "add zone", "flywaydir/edited/V2__add_zone.sql").dependsOn("1").build();
        int recorded = Integer.parseInt(db.rows("SELECT checksum FROM flyway_schema_history WHERE version = '2'").get(0));
        int now = FlywayChecksum.of(SqlMig.text("flywaydir/edited/V2__add_zone.sql"));

        MigrationException e = assertThrows(MigrationException.class,
                () -> db.configure(source(List.of(V1, edited, V3, V4), NAMES)).load().migrate());

        assertEquals(ErrorCode.FLYWAY_ADOPTION, e.code());
        assertTrue(e.getMessage().startsWith("Cannot adopt the Flyway history of "), e.getMessage());
        assertTrue(e.getMessage().contains("(flyway_schema_history): nothing was adopted and nothing was run, and"
                + " flyway_schema_history was left as it is.\n  - flywaydir/edited/V2__add_zone.sql was edited after Flyway"
                + " applied it as version 2 (V2__add_zone.sql, installed_rank 2): Flyway recorded checksum " + recorded
                + ", the file now has " + now + ". Revert the file"), e.getMessage());
        assertEquals(before, db.snapshot());
        assertFalse(db.hasTable("cairn_history"), db.tables().toString());
        assertFalse(db.hasTable("planners"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aFailedFlywayRowAndAVersionTheBuildLacks_areEachNamed_andNothingIsAdopted(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        flywayMigrate(db);
        // As Flyway records a failed non-transactional migration.
        db.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) VALUES (6, '5', 'index routers', 'SQL', 'V5__index_routers.sql', 42,"
                + " 'ops', 3, " + (kind == DbKind.SQLITE ? "0" : "false") + ")");
        String before = db.snapshot();

        MigrationException e = assertThrows(MigrationException.class,
                () -> db.configure(source(List.of(V1, V2), NAMES)).load().migrate());

        assertEquals(ErrorCode.FLYWAY_ADOPTION, e.code());
        assertTrue(e.getMessage().contains("\n  - Flyway's attempt at version 5 (V5__index_routers.sql, installed_rank 6) failed"
                + " (success = false)"), e.getMessage());
        assertTrue(e.getMessage().contains("\n  - Flyway applied version 3 (V3__seed_routers.sql, installed_rank 3), which this"
                + " build does not have."), e.getMessage());
        assertEquals(before, db.snapshot());
        assertFalse(db.hasTable("cairn_history"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aFlywayRowWithoutChecksum_cannotBeChecked_andRefusesTheAdoption(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        flywayMigrate(db);
        // As Flyway records a Java migration: no checksum.
        db.execute("UPDATE flyway_schema_history SET checksum = NULL, type = 'JDBC' WHERE version = '3'");
        String before = db.snapshot();

        MigrationException e = assertThrows(MigrationException.class,
                () -> db.configure(source(List.of(V1, V2, V3), NAMES)).load().migrate());

        assertTrue(e.getMessage().contains("\n  - Flyway recorded no checksum for version 3 (V3__seed_routers.sql, installed_rank 3)"
                + " (type JDBC, not a SQL file?), so Cairn cannot check that " + APPLIED + "V3__seed_routers.sql is what Flyway"
                + " ran."), e.getMessage());
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aFlywayBaseline_marksEverythingUpToItApplied(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.execute("CREATE TABLE routers (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL, zone VARCHAR(20))");
        Flyway.configure().dataSource(db.dataSource()).locations("classpath:flywaydir/applied").baselineVersion("2")
                .baselineOnMigrate(true).load().migrate();

        MigrationReport report = db.configure(source(List.of(V1, V2, V3, V4), NAMES)).load().migrate();

        assertEquals(List.of("4"), report.applied().stream().map(m -> m.version().toString()).toList());
        assertEquals(List.of("1|BASELINE", "2|BASELINE", "3|BASELINE", "4|APPLY"),
                db.rows("SELECT version, action FROM cairn_log ORDER BY id"));
        assertTrue(db.rows("SELECT detail FROM cairn_log WHERE version = '1'").get(0)
                .startsWith("adopted from flyway_schema_history: at or below Flyway's baseline 2"));
        assertEquals(List.of("1|r1", "2|r2; the second"), db.rows("SELECT id, name FROM routers ORDER BY id"));
    }
}
