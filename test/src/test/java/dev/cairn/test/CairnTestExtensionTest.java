package dev.cairn.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code @CairnTest}: one run per database, named after it, each with its own database, dropped after it. */
class CairnTestExtensionTest {

    @Test
    void aTest_runsOnceOnEveryDatabase_namedAfterIt() {
        assertEquals(List.of("SQLite: SUCCESSFUL", "PostgreSQL: SUCCESSFUL"), JUnitRun.of(OnEveryDatabase.class));
        assertEquals(List.of(DatabaseKind.SQLITE, DatabaseKind.POSTGRESQL),
                OnEveryDatabase.DATABASES.stream().map(TestDatabase::kind).toList());
    }

    @Test
    void databases_limitsTheRuns() {
        assertEquals(List.of("SQLite: SUCCESSFUL"), JUnitRun.of(OnSqliteOnly.class));
    }

    @Test
    void anEmptyListOfDatabases_failsSayingWhatToWrite() {
        assertEquals(List.of("sqliteOrNothing(TestDatabase): FAILED @CairnTest on " + OnNoDatabase.class.getName()
                + ".sqliteOrNothing() names no database: list at least one in databases, or leave databases out to run on"
                + " every database."), JUnitRun.of(OnNoDatabase.class));
    }

    @Test
    void eachDatabase_isDroppedAfterItsRun() {
        JUnitRun.of(OnEveryDatabase.class);

        TestDatabase sqlite = OnEveryDatabase.DATABASES.get(0);
        assertFalse(Files.exists(Path.of(sqlite.jdbcUrl().substring("jdbc:sqlite:".length()))));
        try (TestDatabase server = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            String name = OnEveryDatabase.DATABASES.get(1).jdbcUrl().replaceAll(".*/([^/?]+).*", "$1");
            assertEquals(List.of("0"), server.rows("SELECT COUNT(*) FROM pg_database WHERE datname = ?", name));
        }
    }

    /** Lifecycle methods that take a database get the run's. */
    @Nested
    class LifecycleMethods {

        private TestDatabase before;

        @BeforeEach
        void createTable(TestDatabase database) {
            before = database;
            database.execute("CREATE TABLE routers (id INTEGER)");
        }

        @CairnTest
        void beforeEach_andTheTest_shareOneDatabase(TestDatabase database) {
            assertSame(before, database);
            assertEquals(List.of("routers"), database.tables());
        }

        @AfterEach
        void afterEach_stillHasIt(TestDatabase database) {
            assertSame(before, database);
            assertEquals(List.of("routers"), database.tables());
        }
    }

    /** Run by the tests above, not by the build: nested static classes are not test classes of their own. */
    static class OnEveryDatabase {

        static final List<TestDatabase> DATABASES = new ArrayList<>();

        @BeforeAll
        static void forgetEarlierRuns() {
            DATABASES.clear();
        }

        @CairnTest
        void records(TestDatabase database) {
            DATABASES.add(database);
        }
    }

    static class OnSqliteOnly {

        @CairnTest(databases = DatabaseKind.SQLITE)
        void runs(TestDatabase database) {
            assertEquals(DatabaseKind.SQLITE, database.kind());
        }
    }

    static class OnNoDatabase {

        @CairnTest(databases = {})
        void sqliteOrNothing(TestDatabase database) {
        }
    }
}
