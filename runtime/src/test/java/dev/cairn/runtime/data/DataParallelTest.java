package dev.cairn.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.cairn.runtime.MigrationReport;
import dev.cairn.runtime.testing.DataFixtures;
import dev.cairn.runtime.testing.DataFixtures.Options;
import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Parallel workers: four threads, each on its own connection, share one data migration by
 * claiming key ranges through the database; every row is processed exactly once.
 */
class DataParallelTest {

    private static final int ROBOTS = 10_000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void fourThreads_shareOneDataMigration_everyRowExactlyOnce(DbKind kind) {
        TestDb db = TestDb.create(kind, dir);
        db.configure(DataFixtures.source(Options.defaults())).load().migrate("1");
        DataFixtures.fill(db, ROBOTS);
        Map<String, LongAdder> rowsByThread = new ConcurrentHashMap<>();
        Options parallel = Options.defaults().size(250).workers(4).hook(row -> {
            rowsByThread.computeIfAbsent(Thread.currentThread().getName(), name -> new LongAdder()).increment();
            if (row.longValue("id") % 250 == 0) {
                // A little time per batch, so that the workers overlap on a two-core machine.
                Thread.sleep(5);
            }
        });

        MigrationReport report = db.configure(DataFixtures.source(parallel)).load().migrate();

        ExecutedDataMigration data = assertInstanceOf(ExecutedDataMigration.class, report.applied().get(0));
        assertEquals(ROBOTS, data.rowsProcessed());
        assertEquals(List.of(), DataFixtures.problems(db, ROBOTS, List.of()));
        assertEquals(ROBOTS, rowsByThread.values().stream().mapToLong(LongAdder::sum).sum(), "each row handled once");
        // PostgreSQL's workers pass over the ranges others hold, so all of them work. SQLite's queue for its one write
        // lock, which the worker that just committed often takes again first: correct, not faster, as documented.
        if (kind == DbKind.POSTGRES) {
            assertEquals(4, rowsByThread.size(), "threads that did work: " + rowsByThread);
        }
        assertEquals(List.of("0"), db.rows("SELECT COUNT(*) FROM cairn_history_data"));
    }
}
