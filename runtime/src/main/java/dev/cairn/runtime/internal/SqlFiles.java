package dev.cairn.runtime.internal;

import java.sql.SQLException;

/**
 * What the engine's migration context offers a SQL-file step beyond {@code execute()}: running a
 * whole file so that a failure names the file, and the failing statement's line and column in it,
 * rather than "the SQL given to execute()".
 */
public interface SqlFiles {

    /**
     * Runs the statements of {@code sql}, the whole text of {@code file}, one by one, each recorded.
     *
     * @param file the file's classpath path, for messages
     * @return the update counts added up
     */
    int executeFile(String sql, String file) throws SQLException;
}
