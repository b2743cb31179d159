package dev.cairn.runtime.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statements kept for a connection on a real SQLite file: reused, prepared again after a failure, closed with the cache. */
class KeptStatementsTest {

    private static final String INSERT = "INSERT INTO notes (id) VALUES (?)";

    @TempDir
    Path dir;

    private String url;

    @BeforeEach
    void createTable() throws SQLException {
        url = "jdbc:sqlite:" + dir.resolve("kept.db");
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)");
        }
    }

    @Test
    void aStatementIsPreparedOnce_andClosedWithTheCache() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            KeptStatements kept = new KeptStatements();
            PreparedStatement first = kept.run(connection, INSERT, statement -> insert(statement, 1));
            PreparedStatement second = kept.run(connection, INSERT, statement -> insert(statement, 2));

            kept.close();

            assertSame(first, second);
            assertTrue(first.isClosed());
            assertEquals(2, count(connection));
        }
    }

    @Test
    void aStatementThatFailed_isClosedAndPreparedAgain() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); KeptStatements kept = new KeptStatements()) {
            PreparedStatement first = kept.run(connection, INSERT, statement -> insert(statement, 1));

            SQLException duplicate = assertThrows(SQLException.class, () -> kept.run(connection, INSERT, statement -> insert(statement, 1)));
            PreparedStatement again = kept.run(connection, INSERT, statement -> insert(statement, 2));

            assertTrue(duplicate.getMessage().contains("UNIQUE"), duplicate.getMessage());
            assertTrue(first.isClosed());
            assertNotSame(first, again);
            assertEquals(2, count(connection));
        }
    }

    @Test
    void anotherConnection_closesTheStatementsKeptForTheFirst() throws SQLException {
        try (Connection one = DriverManager.getConnection(url); Connection two = DriverManager.getConnection(url);
                KeptStatements kept = new KeptStatements()) {
            PreparedStatement onOne = kept.run(one, INSERT, statement -> insert(statement, 1));

            PreparedStatement onTwo = kept.run(two, INSERT, statement -> insert(statement, 2));

            assertTrue(onOne.isClosed());
            assertSame(two, onTwo.getConnection());
            assertEquals(2, count(one));
        }
    }

    @Test
    void aKeptQuery_holdsNoLockOnceItsResultIsClosed_soAnotherConnectionCanWrite() throws SQLException {
        try (Connection reading = DriverManager.getConnection(url); Connection writing = DriverManager.getConnection(url);
                KeptStatements kept = new KeptStatements(); Statement other = writing.createStatement()) {
            kept.run(reading, INSERT, statement -> insert(statement, 1));
            long count = kept.run(reading, "SELECT count(*) FROM notes", statement -> {
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            });

            // Without waiting: a statement left stepping would hold the file's shared lock, and this write would fail busy.
            other.execute("PRAGMA busy_timeout = 0");
            other.executeUpdate("INSERT INTO notes (id) VALUES (2)");

            assertEquals(1, count);
            assertEquals(2, count(reading));
        }
    }

    private static PreparedStatement insert(PreparedStatement statement, int id) throws SQLException {
        statement.setInt(1, id);
        statement.executeUpdate();
        return statement;
    }

    private static int count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT count(*) FROM notes")) {
            row.next();
            return row.getInt(1);
        }
    }
}
