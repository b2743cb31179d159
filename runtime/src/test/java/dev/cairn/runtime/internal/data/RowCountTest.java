package dev.cairn.runtime.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The total a data migration's progress counts toward: exact where counting is cheap, PostgreSQL's
 * catalog estimate for a large plain table, which {@code COUNT(*)} would scan whole.
 */
class RowCountTest {

    @TempDir
    Path dir;

    @Test
    void onPostgres_aLargePlainTable_isEstimatedFromTheCatalog_aFilteredOneCounted() throws Exception {
        TestDb db = TestDb.create(DbKind.POSTGRES, dir);
        db.execute("CREATE TABLE big (id INTEGER PRIMARY KEY)", "INSERT INTO big SELECT i FROM generate_series(1, 1200000) i",
                "ANALYZE big",
                // Not analyzed again: the catalog still says 1.2 million, which shows where the number comes from.
                "DELETE FROM big WHERE id > 600000");
        BatchPlan whole = BatchPlan.of("big", null);
        try (Connection connection = db.dataSource().getConnection()) {
            long estimate = DataRun.count(connection, whole, DataDialect.POSTGRESQL);
            BatchPlan.Draft some = whole.draft();
            some.where = "id <= 1000";

            assertTrue(Math.abs(estimate - 1_200_000) < 120_000, "the catalog's estimate, not a count: " + estimate);
            assertEquals(1000L, DataRun.count(connection, some.build(), DataDialect.POSTGRESQL), "a condition is counted");
        }
    }

    @Test
    void onSqlite_rowsAreCounted() throws Exception {
        TestDb db = TestDb.create(DbKind.SQLITE, dir);
        db.execute("CREATE TABLE small (id INTEGER PRIMARY KEY)", "INSERT INTO small (id) VALUES (1), (2), (3)");
        try (Connection connection = db.dataSource().getConnection()) {
            assertEquals(3L, DataRun.count(connection, BatchPlan.of("small", null), DataDialect.SQLITE));
        }
    }
}
