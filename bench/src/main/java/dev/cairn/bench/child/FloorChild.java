package dev.cairn.bench.child;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw-JDBC floor: the least a migration runner can do. It reads its statements (one a line)
 * from {@code db/floor/statements.sql}, reads the whole history table (one query, in auto-commit)
 * and compares it with the list, and applies each pending statement with its history row in a
 * transaction of its own. No lock, no checksum, no log: what any runner must at least pay.
 * Arguments: see {@link DdlRun}.
 */
public final class FloorChild implements DdlRun.Tool {

    private static final String STATEMENTS = "db/floor/statements.sql";

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        DdlRun.run(start, args, new FloorChild());
    }

    @Override
    public long migrate(String jdbcUrl) throws Exception {
        List<String> statements = statements();
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            int applied = appliedCount(connection, statements.size());
            if (applied == statements.size()) {
                return 0;
            }
            connection.setAutoCommit(false);
            try (PreparedStatement history = connection.prepareStatement(
                    "INSERT INTO floor_history (version, description, installed_on) VALUES (?, ?, ?)")) {
                for (int i = applied; i < statements.size(); i++) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(statements.get(i));
                    }
                    history.setInt(1, i + 1);
                    history.setString(2, "statement " + (i + 1));
                    history.setTimestamp(3, new Timestamp(System.currentTimeMillis()));
                    history.executeUpdate();
                    connection.commit();
                }
            }
            return statements.size() - applied;
        }
    }

    /**
     * Reads the whole history and checks that it is the list's first versions, in order; on a
     * database without the history table (a fresh one), creates it and returns 0.
     */
    private static int appliedCount(Connection connection, int known) throws SQLException {
        int expected = 1;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version FROM floor_history ORDER BY version")) {
            while (rows.next()) {
                if (rows.getInt(1) != expected || expected > known) {
                    throw new IllegalStateException("floor_history holds version " + rows.getInt(1)
                            + " where the list has " + (expected > known ? "none" : expected));
                }
                expected++;
            }
        } catch (SQLException e) {
            if (hasHistoryTable(connection)) {
                throw e;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE floor_history (version INTEGER PRIMARY KEY,"
                        + " description VARCHAR(200) NOT NULL, installed_on TIMESTAMP NOT NULL)");
            }
            return 0;
        }
        return expected - 1;
    }

    private static boolean hasHistoryTable(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "floor_history", null)) {
            return tables.next();
        }
    }

    private static List<String> statements() throws IOException {
        List<String> statements = new ArrayList<>();
        try (InputStream in = FloorChild.class.getClassLoader().getResourceAsStream(STATEMENTS)) {
            if (in == null) {
                throw new IllegalStateException(STATEMENTS + " is not on the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                statements.add(line);
            }
        }
        return statements;
    }

    @Override
    public String historyCountSql() {
        return "SELECT COUNT(*) FROM floor_history";
    }
}
