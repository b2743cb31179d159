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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite's foreign keys: migrations run with the connection's setting, as in sqlite3; only a
 * migration that rebuilds a table runs with them off, checked before commit and restored after.
 */
class SqliteForeignKeysTest {

    @TempDir
    Path dir;

    private static final MigrationDescriptor SCHEMA = Mig.v("1", "Customers and orders").up(
            "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)",
            "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers (id) ON DELETE CASCADE)",
            "CREATE TABLE notes (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers (id) ON DELETE SET NULL)",
            "INSERT INTO customers (id, name) VALUES (1, 'c1'), (2, 'c2')",
            "INSERT INTO orders (id, customer_id) VALUES (10, 1), (11, 1), (20, 2)",
            "INSERT INTO notes (id, customer_id) VALUES (100, 1)").build();

    private static final MigrationDescriptor REBUILD_CUSTOMERS = Mig.v("2", "Customer names required").step(() -> ctx ->
            ctx.rebuildTable("customers", "id INTEGER PRIMARY KEY, name TEXT NOT NULL",
                    Map.of("id", "id", "name", "COALESCE(name, '?')"))).build();

    private static SQLiteDataSource enforcing(TestDb db) {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl(db.jdbcUrl());
        dataSource.setEnforceForeignKeys(true);
        return dataSource;
    }

    /** One connection with foreign keys on, handed out again and again as a pool of one would. */
    private static Connection enforcingConnection(TestDb db) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        return config.createConnection(db.jdbcUrl());
    }

    private static int foreignKeysPragma(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("PRAGMA foreign_keys")) {
            row.next();
            return row.getInt(1);
        }
    }

    @Test
    void deletingAParentRow_cascadesAsInSqlite3() {
        TestDb db = TestDb.create(DbKind.SQLITE, dir);
        MigrationDescriptor deleteCustomer = Mig.v("2", "Forget customer 1").up("DELETE FROM customers WHERE id = 1").build();

        Migrator.configure(Mig.source(SCHEMA, deleteCustomer), enforcing(db)).load().migrate();

        assertEquals(List.of("20|2"), db.rows("SELECT id, customer_id FROM orders ORDER BY id"));
        assertEquals(List.of("100|null"), db.rows("SELECT id, customer_id FROM notes"));
    }

    @Test
    void violationInAnUnrelatedTable_failsNoMigration() {
        TestDb db = TestDb.create(DbKind.SQLITE, dir);
        DataSource dataSource = enforcing(db);
        Migrator.configure(Mig.source(SCHEMA), dataSource).load().migrate();
        db.execute("INSERT INTO orders (id, customer_id) VALUES (99, 404)");
        MigrationDescriptor unrelated = Mig.v("3", "Tags").up("CREATE TABLE tags (name TEXT)").build();

        MigrationReport report = Migrator.configure(Mig.source(SCHEMA, REBUILD_CUSTOMERS, unrelated), dataSource).load().migrate();

        assertEquals(2, report.applied().size());
        assertEquals(List.of("99|404"), db.rows("SELECT id, customer_id FROM orders WHERE id = 99"),
                "the violation that was there before is left for its owner to fix");
    }

    @Test
    void rebuildWithForeignKeysOn_runsUpAgainWithThemOffAndRestoresThemOnTheSameConnection() throws Exception {
        TestDb db = TestDb.create(DbKind.SQLITE, dir);
        AtomicInteger runs = new AtomicInteger();
        MigrationDescriptor rebuild = Mig.v("2", "Customer names required").step(() -> ctx -> {
            runs.incrementAndGet();
            ctx.execute("INSERT INTO customers (id, name) VALUES (3, NULL)");
            ctx.rebuildTable("customers", "id INTEGER PRIMARY KEY, name TEXT NOT NULL",
                    Map.of("id", "id", "name", "COALESCE(name, '?')"));
        }).build();
        try (Connection connection = enforcingConnection(db)) {
            MigrationReport report = Migrator.configure(Mig.source(SCHEMA, rebuild), Connections.single(connection)).load().migrate();

            assertEquals(1, foreignKeysPragma(connection), "foreign keys are on again on the connection Cairn used");
            assertEquals(2, runs.get(), "up() was started with foreign keys on, rolled back, and run again with them off");
            assertEquals("INSERT INTO customers (id, name) VALUES (3, NULL)", report.applied().get(1).statements().get(0));
            assertEquals(1, report.applied().get(1).statements().stream().filter(s -> s.startsWith("INSERT INTO customers")).count());
            assertEquals(List.of("1|c1", "2|c2", "3|?"), db.rows("SELECT id, name FROM customers ORDER BY id"));
            assertThrows(SQLException.class, () -> connection.createStatement().execute("INSERT INTO orders VALUES (30, 404)"));
        }
    }

    @Test
    void rebuildThatCannotBeRecorded_failsAndStillRestoresForeignKeysOnTheSameConnection() throws Exception {
        TestDb db = TestDb.create(DbKind.SQLITE, dir);
        try (Connection connection = enforcingConnection(db)) {
            DataSource pool = Connections.single(connection);
            Migrator.configure(Mig.source(SCHEMA), pool).load().migrate();
            db.execute("CREATE TRIGGER history_closed BEFORE INSERT ON cairn_history"
                    + " BEGIN SELECT RAISE(ABORT, 'history is closed for maintenance'); END");
            String before = db.snapshot();

            MigrationFailedException e = assertThrows(MigrationFailedException.class,
                    () -> Migrator.configure(Mig.source(SCHEMA, REBUILD_CUSTOMERS), pool).load().migrate());

            assertTrue(e.getMessage().startsWith("Migration 2 \"Customer names required\" (test.V2_Customernamesrequired)"
                    + " failed, and its transaction was rolled back: the database is as it was before it."), e.getMessage());
            assertTrue(e.getMessage().contains("history is closed for maintenance"), e.getMessage());
            assertEquals(1, foreignKeysPragma(connection), "foreign keys are on again after the rollback");
            assertEquals(before, db.snapshot());
            assertEquals(List.of("1|APPLY", "2|FAIL"), db.rows("SELECT version, action FROM cairn_log ORDER BY id"));
        }
    }

    @Test
    void newOrphanInAWithoutRowidTable_failsTheRebuildAndChangesNothing() {
        TestDb db = TestDb.create(DbKind.SQLITE, dir);
        DataSource dataSource = enforcing(db);
        MigrationDescriptor schema = Mig.v("1", "Parents and children").up(
                "CREATE TABLE parents (id INTEGER PRIMARY KEY, name TEXT)",
                "CREATE TABLE children (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parents (id)) WITHOUT ROWID",
                "INSERT INTO parents (id, name) VALUES (1, 'p1')",
                "INSERT INTO children (id, parent_id) VALUES (1, 1)").build();
        Migrator.configure(Mig.source(schema), dataSource).load().migrate();
        // An orphan from before, through a connection that does not enforce foreign keys.
        db.execute("INSERT INTO children (id, parent_id) VALUES (2, 404)");
        String before = db.snapshot();
        MigrationDescriptor addsOrphan = Mig.v("2", "Parent names required").step(() -> ctx -> {
            ctx.rebuildTable("parents", "id INTEGER PRIMARY KEY, name TEXT NOT NULL", Map.of("id", "id", "name", "name"));
            ctx.execute("INSERT INTO children (id, parent_id) VALUES (3, 405)");
        }).build();

        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> Migrator.configure(Mig.source(schema, addsOrphan), dataSource).load().migrate());

        assertTrue(e.getMessage().contains("Error: [SQLState 23000] foreign key check failed: 2 rows of children reference a"
                + " missing row of parents (1 before this migration)"), e.getMessage());
        assertEquals(before, db.snapshot());
    }
}
