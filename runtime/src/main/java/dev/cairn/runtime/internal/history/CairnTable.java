package dev.cairn.runtime.internal.history;

import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One of Cairn's tables, with the columns that make a table of its name Cairn's. An option may
 * name an existing table of another application; that is refused naming its columns, rather than
 * read as the database's "no such column".
 *
 * @param name the table's name
 * @param sql how SQL names it, with its schema
 * @param kind what it is, for messages: "a Cairn history table"
 * @param columns the columns Cairn reads and writes
 * @param advice what to do when the name is another application's table
 */
record CairnTable(String name, String sql, String kind, List<String> columns, String advice) {

    /** Refuses the table, which exists, if it lacks Cairn's columns. One statement. */
    void requireCairns(Connection connection) throws SQLException {
        List<String> actual = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM " + sql + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rows.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                actual.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
        }
        if (!actual.containsAll(columns)) {
            throw new MigrationException(ErrorCode.INVALID_CONFIGURATION, "The table " + sql + " exists, but it is not "
                    + kind + ": its columns are " + String.join(", ", actual) + ", and " + kind + " has "
                    + String.join(", ", columns) + ". " + advice + " Nothing was changed.");
        }
    }
}
