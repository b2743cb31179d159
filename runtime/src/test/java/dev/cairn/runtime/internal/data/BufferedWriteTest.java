package dev.cairn.runtime.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Buffered writes: inserts go out as multi-row statements (the remainder one by one), other
 * statements as JDBC batches, a failed row's values can be dropped, and one row's can be written alone.
 */
class BufferedWriteTest {

    @TempDir
    Path dir;

    private static BufferedWrite write(String sql, int[] row) {
        return new BufferedWrite(sql, new BufferedWrite.Batching() {
            @Override
            public int currentRow() {
                return row[0];
            }

            @Override
            public int statementTimeout() {
                return 0;
            }
        });
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void insertsOfManyRows_areAllWritten_inOrder(DbKind kind) throws Exception {
        TestDb db = TestDb.create(kind, dir);
        db.execute("CREATE TABLE numbers (n INTEGER NOT NULL, label VARCHAR(20))");
        int[] row = {0};
        BufferedWrite insert = write("INSERT INTO numbers (n, label) VALUES (?, ?)", row);
        for (int i = 0; i < 1_234; i++) {
            row[0] = i;
            insert.add(i, i % 2 == 0 ? "even" : null);
        }

        try (Connection connection = db.dataSource().getConnection()) {
            insert.flush(connection);
        }

        assertEquals(List.of("1234|0|1233|617"), db.rows("SELECT COUNT(*), MIN(n), MAX(n), COUNT(label) FROM numbers"));
    }

    /** Parameters after the tuple, or an upsert that updates one row twice: multi-row inserts would break both. */
    @ParameterizedTest
    @EnumSource(DbKind.class)
    void anUpsertWithParametersAfterItsTuple_runsRowByRow_andWritesEveryRow(DbKind kind) throws Exception {
        TestDb db = TestDb.create(kind, dir);
        db.execute("CREATE TABLE names (id INTEGER PRIMARY KEY, name VARCHAR(20))");
        int[] row = {0};
        BufferedWrite upsert = write("INSERT INTO names (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = ?", row);
        for (int i = 0; i < 1_200; i++) {
            row[0] = i;
            upsert.add(i % 600, "first " + i, "then " + i);
        }

        try (Connection connection = db.dataSource().getConnection()) {
            upsert.flush(connection);
        }

        assertEquals(List.of("600|600|then 600|then 1199"), db.rows("SELECT COUNT(*), COUNT(CASE WHEN name LIKE 'then %' THEN 1 END),"
                + " (SELECT name FROM names WHERE id = 0), (SELECT name FROM names WHERE id = 599) FROM names"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aRowsValues_canBeDropped_orWrittenAlone(DbKind kind) throws Exception {
        TestDb db = TestDb.create(kind, dir);
        db.execute("CREATE TABLE numbers (n INTEGER NOT NULL)");
        int[] row = {0};
        BufferedWrite insert = write("INSERT INTO numbers (n) VALUES (?)", row);
        insert.add(1);
        row[0] = 1;
        insert.add(2);
        insert.add(3);
        row[0] = 2;
        insert.add(4);
        insert.truncate(3);

        try (Connection connection = db.dataSource().getConnection()) {
            insert.flushRow(connection, 1);
        }

        assertEquals(List.of("2", "3"), db.rows("SELECT n FROM numbers ORDER BY n"));
    }

    @Test
    void theWrongNumberOfValues_isRefusedAtAdd() {
        BufferedWrite update = write("UPDATE numbers SET n = ? WHERE n = ? AND label = '?'", new int[] {0});

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> update.add(1));

        assertEquals("add() got 1 value for 2 parameters of UPDATE numbers SET n = ? WHERE n = ? AND label = '?'", e.getMessage());
    }
}
