package dev.cairn.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The database a test gets: statements, queries, tables, and dropping it. */
class TestDatabaseTest {

    @CairnTest
    void execute_andRows_runStatementsWithParameters(TestDatabase database) {
        database.execute("CREATE TABLE routers (id INTEGER, name VARCHAR(40))");

        assertEquals(1, database.execute("INSERT INTO routers VALUES (?, ?)", 1, "edge-paris"));
        assertEquals(1, database.execute("INSERT INTO routers VALUES (?, ?)", 2, null));

        assertEquals(List.of("1|edge-paris", "2|null"), database.rows("SELECT id, name FROM routers ORDER BY id"));
        assertEquals(List.of("edge-paris"), database.rows("SELECT name FROM routers WHERE id = ?", 1));
    }

    @CairnTest
    void queryForList_givesEachRowItsColumnsInOrder(TestDatabase database) {
        database.execute("CREATE TABLE routers (id INTEGER, name VARCHAR(40))");
        database.execute("INSERT INTO routers VALUES (7, 'edge-lyon')");

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("name", "edge-lyon");
        expected.put("id", 7);
        assertEquals(List.of(expected), database.queryForList("SELECT name, id FROM routers"));
        assertEquals(List.of("name", "id"), List.copyOf(database.queryForList("SELECT name, id FROM routers").get(0).keySet()));
    }

    @CairnTest
    void query_mapsEachRow_andRowsKeepColumnsOfOneName(TestDatabase database) {
        database.execute("CREATE TABLE routers (id INTEGER)");
        database.execute("INSERT INTO routers VALUES (3), (1)");

        assertEquals(List.of(1, 3), database.query("SELECT id FROM routers ORDER BY id", row -> row.getInt(1)));
        assertEquals(List.of("1|1"), database.rows("SELECT id, id FROM routers WHERE id = ?", 1));
    }

    @CairnTest
    void tables_namesTheTablesOfTheCurrentSchema_sorted(TestDatabase database) {
        database.execute("CREATE TABLE routers (id INTEGER)");
        database.execute("CREATE TABLE events (id INTEGER)");
        database.execute("CREATE VIEW router_ids AS SELECT id FROM routers");

        assertEquals(List.of("events", "routers"), database.tables());
    }

    @CairnTest
    void eachRun_getsAnEmptyDatabase(TestDatabase database) {
        assertEquals(List.of(), database.tables());
    }

    @CairnTest
    void aFailingStatement_namesTheDatabaseAndTheStatement(TestDatabase database) {
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> database.rows("SELECT * FROM nowhere"));

        assertTrue(failure.getMessage().startsWith("On " + database + ", SELECT * FROM nowhere failed: "), failure.getMessage());
    }

    @CairnTest
    void close_dropsTheDatabase(TestDatabase database) {
        TestDatabase dropped = TestDatabase.create(database.kind());
        dropped.execute("CREATE TABLE routers (id INTEGER)");

        dropped.close();

        switch (database.kind()) {
            case SQLITE -> assertFalse(Files.exists(Path.of(dropped.jdbcUrl().substring("jdbc:sqlite:".length())).getParent()));
            case POSTGRESQL -> assertEquals(List.of("0"), database.rows("SELECT COUNT(*) FROM pg_database WHERE datname = ?",
                    dropped.jdbcUrl().replaceAll(".*/([^/?]+).*", "$1")));
        }
    }

    @CairnTest
    void jdbcUrl_reachesTheSameDatabaseAsTheDataSource(TestDatabase database) throws Exception {
        database.execute("CREATE TABLE routers (id INTEGER)");

        try (var connection = java.sql.DriverManager.getConnection(database.jdbcUrl());
                var tables = connection.getMetaData().getTables(null, null, "routers", null)) {
            assertTrue(tables.next());
        }
    }
}
