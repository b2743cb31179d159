package dev.cairn.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.Database;
import dev.cairn.runtime.DryRunReport;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationFailedException;
import dev.cairn.runtime.MigrationReport;
import dev.cairn.runtime.testing.Children;
import dev.cairn.runtime.testing.DataChild;
import dev.cairn.runtime.testing.DataFixtures;
import dev.cairn.runtime.testing.DataFixtures.Options;
import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How a data migration pages its source: by a composite key compared as a tuple, resumed from a
 * checkpoint of typed values; refusing a key that would lose rows; in a dry run, only the first
 * batch; and never on the up-to-date path, which loads none of it.
 */
class DataPagingTest {

    private static final int PLANS = 5;
    private static final int STAGES = 41;

    @TempDir
    Path dir;

    /** Copies {@code stages} into {@code stage_copy}; fails once at plan-3's stage 17 while {@code failOnce} is set. */
    private static MigrationDescriptor copyStages(AtomicBoolean failOnce) {
        return Mig.v("2", "Copy stages").dependsOn("1").step(() -> new DataMigration() {
            @Override
            protected Batches forward(Database database) {
                return Batches.from("stages").key("plan_id", "stage_order").size(10).each((row, batch) -> {
                    if (row.string("plan_id").equals("plan-3") && row.intValue("stage_order") == 17 && failOnce.getAndSet(false)) {
                        throw new IllegalStateException("stage 17 of plan-3 is not ready");
                    }
                    batch.insert("INSERT INTO stage_copy (plan_id, stage_order, name) VALUES (?, ?, ?)")
                            .add(row.string("plan_id"), row.intValue("stage_order"), row.string("name"));
                });
            }
        }).irreversible().build();
    }

    private static final MigrationDescriptor STAGE_TABLES = Mig.v("1", "Stage tables").up(
            "CREATE TABLE stages (plan_id VARCHAR(20) NOT NULL, stage_order INTEGER NOT NULL, name VARCHAR(40) NOT NULL,"
                    + " PRIMARY KEY (plan_id, stage_order))",
            "CREATE TABLE stage_copy (plan_id VARCHAR(20) NOT NULL, stage_order INTEGER NOT NULL, name VARCHAR(40) NOT NULL)")
            .build();

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aCompositeKey_pagesAsATuple_andResumesFromItsTypedCheckpoint(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        AtomicBoolean failOnce = new AtomicBoolean(true);
        db.configure(Mig.source(STAGE_TABLES, copyStages(failOnce))).load().migrate("1");
        for (int plan = 1; plan <= PLANS; plan++) {
            db.execute("INSERT INTO stages (plan_id, stage_order, name) WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1"
                    + " FROM seq WHERE i < " + STAGES + ") SELECT 'plan-" + plan + "', i, 'stage ' || i FROM seq");
        }

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> db.configure(Mig.source(STAGE_TABLES, copyStages(failOnce))).load().migrate());
        assertTrue(e.getMessage().contains("failed on the row with key [plan-3, 17] in batch 10: java.lang.IllegalStateException:"
                + " stage 17 of plan-3 is not ready."), e.getMessage());
        String kept = db.rows("SELECT last_key FROM cairn_history_data WHERE range_no = 1").get(0);
        assertEquals("[[\"text\",\"plan-3\"],[\"int\",\"8\"]]", kept, "the last key of batch 9, with its types");

        MigrationReport report = db.configure(Mig.source(STAGE_TABLES, copyStages(failOnce))).load().migrate();

        assertEquals(90, assertInstanceOf(ExecutedDataMigration.class, report.applied().get(0)).resumedFrom());
        assertEquals(List.of(String.valueOf(PLANS * STAGES)), db.rows("SELECT COUNT(*) FROM stage_copy"));
        assertEquals(List.of(), db.rows("SELECT plan_id, stage_order FROM stages s WHERE (SELECT COUNT(*) FROM stage_copy c"
                + " WHERE c.plan_id = s.plan_id AND c.stage_order = s.stage_order AND c.name = s.name) <> 1"),
                "every stage copied exactly once");
    }

    @Test
    void onPostgres_timestampAndUuidKeys_resumeFromTheirCheckpoint() {
        TestDb db = TestDb.create(DbKind.POSTGRES, dir);
        AtomicBoolean failOnce = new AtomicBoolean(true);
        MigrationDescriptor table = Mig.v("1", "Events").up("CREATE TABLE events (at TIMESTAMPTZ NOT NULL, id UUID NOT NULL,"
                + " PRIMARY KEY (at, id))", "CREATE TABLE seen (id UUID NOT NULL)",
                "INSERT INTO events SELECT TIMESTAMPTZ '2026-01-27 08:00:00.123456+00' + (i % 7) * INTERVAL '1 minute',"
                        + " md5(i::text)::uuid FROM generate_series(1, 300) i").build();
        MigrationDescriptor copy = Mig.v("2", "Copy events").dependsOn("1").irreversible().step(() -> new DataMigration() {
            @Override
            protected Batches forward(Database database) {
                return Batches.from("events").key("at", "id").size(13).each((row, batch) -> {
                    if (batch.number() == 9 && failOnce.getAndSet(false)) {
                        throw new IllegalStateException("interrupted");
                    }
                    batch.insert("INSERT INTO seen (id) VALUES (?)").add(row.get("id"));
                });
            }
        }).build();
        assertThrows(MigrationFailedException.class, () -> db.configure(Mig.source(table, copy)).load().migrate());
        assertTrue(db.rows("SELECT last_key FROM cairn_history_data WHERE range_no = 1").get(0)
                .matches("\\[\\[\"offsetdatetime\",\"2026-01-27T08:0\\d:00.123456Z\"\\],\\[\"uuid\",\"[0-9a-f-]{36}\"\\]\\]"),
                db.rows("SELECT last_key FROM cairn_history_data").toString());

        db.configure(Mig.source(table, copy)).load().migrate();

        assertEquals(List.of("300|300"), db.rows("SELECT COUNT(*), COUNT(DISTINCT id) FROM seen"));
    }

    /** A zone-less timestamp key is kept as its wall clock: resumed in another time zone, it binds the same value. */
    @Test
    void onPostgres_aZonelessTimestampKey_resumesInAnotherTimeZone_withEveryRowOnce() {
        TestDb db = TestDb.create(DbKind.POSTGRES, dir);
        AtomicBoolean failOnce = new AtomicBoolean(true);
        MigrationDescriptor table = Mig.v("1", "Readings").up("CREATE TABLE readings (at TIMESTAMP NOT NULL, id INTEGER NOT NULL,"
                + " PRIMARY KEY (at, id))", "CREATE TABLE seen (id INTEGER NOT NULL)",
                "INSERT INTO readings SELECT TIMESTAMP '2026-01-27 08:00:00' + (i % 5) * INTERVAL '1 hour', i"
                        + " FROM generate_series(1, 200) i").build();
        MigrationDescriptor copy = Mig.v("2", "Copy readings").dependsOn("1").irreversible().step(() -> new DataMigration() {
            @Override
            protected Batches forward(Database database) {
                return Batches.from("readings").key("at", "id").size(17).each((row, batch) -> {
                    if (batch.number() == 6 && failOnce.getAndSet(false)) {
                        throw new IllegalStateException("interrupted");
                    }
                    batch.insert("INSERT INTO seen (id) VALUES (?)").add(row.get("id"));
                });
            }
        }).build();
        TimeZone zone = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            assertThrows(MigrationFailedException.class, () -> db.configure(Mig.source(table, copy)).load().migrate());
            assertTrue(db.rows("SELECT last_key FROM cairn_history_data WHERE range_no = 1").get(0)
                    .startsWith("[[\"localdatetime\",\"2026-01-27T"), db.rows("SELECT last_key FROM cairn_history_data").toString());
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));

            db.configure(Mig.source(table, copy)).load().migrate();
        } finally {
            TimeZone.setDefault(zone);
        }

        assertEquals(List.of("200|200"), db.rows("SELECT COUNT(*), COUNT(DISTINCT id) FROM seen"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aQuery_isPagedAsASubquery_byItsResultColumns(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(DataFixtures.source(Options.defaults())).load().migrate("1");
        DataFixtures.fill(db, 500);
        MigrationDescriptor names = Mig.v("2", "Even names").dependsOn("1").irreversible().step(() -> new DataMigration() {
            @Override
            protected Batches forward(Database database) {
                return Batches.fromQuery("SELECT l.id AS robot, UPPER(l.name) AS label FROM legacy_robots l WHERE l.id % 2 = 0")
                        .where("robot > 100").key("robot").size(33).each((row, batch) -> batch
                                .insert("INSERT INTO robot_skills (robot_id, skill, level, score, worker) VALUES (?, ?, 'X', 0, 'q')")
                                .add(row.longValue("robot"), row.string("label")));
            }
        }).build();

        MigrationReport report = db.configure(Mig.source(DataFixtures.SCHEMA, names)).load().migrate();

        assertEquals(200, assertInstanceOf(ExecutedDataMigration.class, report.applied().get(0)).rowsProcessed());
        assertEquals(List.of("200|102|500|ROBOT-102"), db.rows("SELECT COUNT(*), MIN(robot_id), MAX(robot_id), MIN(skill)"
                + " FROM robot_skills"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aKeyThatRepeats_failsTheMigration_ratherThanLoseRows(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        MigrationDescriptor table = Mig.v("1", "Unkeyed").up("CREATE TABLE unkeyed (k INTEGER, v VARCHAR(10))",
                "CREATE TABLE copied (k INTEGER)").build();
        MigrationDescriptor copy = Mig.v("2", "Copy unkeyed").dependsOn("1").irreversible().step(() -> new DataMigration() {
            @Override
            protected Batches forward(Database database) {
                return Batches.from("unkeyed").key("k").size(5)
                        .each((row, batch) -> batch.insert("INSERT INTO copied (k) VALUES (?)").add(row.get("k")));
            }
        }).build();
        db.configure(Mig.source(table, copy)).load().migrate("1");
        db.execute("INSERT INTO unkeyed (k, v) VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd'), (5, 'e'), (5, 'f'), (6, 'g')");

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> db.configure(Mig.source(table, copy)).load().migrate());

        assertTrue(e.getMessage().contains("failed because its key [k] is not unique: table unkeyed has more than one row with"
                + " key [5]."), e.getMessage());
        assertTrue(e.getMessage().contains("Page the rows by a unique key whose columns are never NULL"), e.getMessage());
        assertEquals(List.of("5"), db.rows("SELECT COUNT(*) FROM copied"), "the first batch stays");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aKeyWithNulls_isRefusedBeforeTheFirstBatch(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        MigrationDescriptor table = Mig.v("1", "Unkeyed").up("CREATE TABLE unkeyed (k INTEGER, v VARCHAR(10))",
                "INSERT INTO unkeyed (k, v) VALUES (1, 'a'), (NULL, 'b'), (NULL, 'c')").build();
        MigrationDescriptor copy = Mig.v("2", "Read unkeyed").dependsOn("1").irreversible().step(() -> new DataMigration() {
            @Override
            protected Batches forward(Database database) {
                return Batches.from("unkeyed").key("k").each((row, batch) -> {
                });
            }
        }).build();

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> db.configure(Mig.source(table, copy)).load().migrate());

        assertTrue(e.getMessage().contains("failed before its first batch: 2 rows of table unkeyed have a NULL in the key [k],"
                + " which paging by that key would never reach."), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aDryRun_processesTheFirstBatchOnly_estimatesTheWhole_andChangesNothing(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(DataFixtures.source(Options.defaults())).load().migrate("1");
        DataFixtures.fill(db, 2_500);
        String before = db.snapshot();

        DryRunReport report = db.configure(DataFixtures.source(Options.defaults().size(600))).load().dryRun();

        ExecutedDataMigration data = assertInstanceOf(ExecutedDataMigration.class, report.wouldApply().get(0));
        assertEquals(600, data.rowsProcessed());
        assertEquals(1200, data.rowsWritten());
        assertEquals(1, data.batches());
        assertTrue(data.estimatedDuration().isPresent(), data.summary());
        assertTrue(data.summary().contains(", whole run estimated at "), data.summary());
        assertTrue(data.statements().contains(
                "INSERT INTO robot_skills (robot_id, skill, level, score, worker) VALUES (?, ?, ?, ?, ?) -- 1200 rows"), data.statements()
                        .toString());
        assertEquals(before, db.snapshot(), "a dry run changes nothing, Cairn's data tables included");

        DryRunReport declaredNonTransactional = db.configure(Mig.source(DataFixtures.SCHEMA, Mig.v("2", "Split robot skills")
                .dependsOn("1").nonTransactional().step(() -> new DataFixtures.SplitSkills(Options.defaults().size(600))).build()))
                .load().dryRun();
        assertEquals(List.of(), declaredNonTransactional.notRun(), "its transactional attribute does not apply");
        assertEquals(600, assertInstanceOf(ExecutedDataMigration.class, declaredNonTransactional.wouldApply().get(0))
                .rowsProcessed());
        assertEquals(before, db.snapshot());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void theUpToDateStart_loadsNeitherJacksonNorTheDataEngine(DbKind kind) throws Exception {
        TestDb db = TestDb.create(kind, dir);
        db.configure(DataFixtures.source(Options.defaults())).load().migrate();
        Path log = dir.resolve("classes.log");

        Process child = Children.start(log, List.of("-Xlog:class+load=info"), DataChild.class, db.jdbcUrl(), "1000", "0", "1");
        String output = Children.awaitExit(child, log, Duration.ofSeconds(60));

        assertTrue(output.contains("applied 0"), output);
        assertTrue(output.contains("dev.cairn.runtime.Migrator "), "the log lists classes: " + output.lines().count());
        assertFalse(output.contains("com.fasterxml.jackson"), "Jackson loaded on the up-to-date path");
        assertEquals(List.of(), output.lines().filter(line -> line.contains("dev.cairn.runtime.internal.data.")).toList(),
                "the data engine loaded on the up-to-date path: " + output.lines().filter(line -> line.contains("dev.cairn.runtime"))
                        .map(line -> line.replaceAll(".*load\\] | source.*", "")).toList());
    }
}
