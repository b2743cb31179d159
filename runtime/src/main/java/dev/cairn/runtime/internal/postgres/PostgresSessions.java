package dev.cairn.runtime.internal.postgres;

import dev.cairn.runtime.spi.Sessions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A PostgreSQL session is its backend: a pid, made unique by the backend's start time. */
final class PostgresSessions implements Sessions {

    private static final Pattern NAME = Pattern.compile("backend (\\d+) since (\\S+)");

    @Override
    public String current(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT pid, backend_start FROM pg_stat_activity"
                        + " WHERE pid = pg_backend_pid()")) {
            row.next();
            return "backend " + row.getInt(1) + " since " + row.getObject(2, OffsetDateTime.class).toInstant();
        }
    }

    @Override
    public boolean alive(Connection connection, String session) throws SQLException {
        return ask(connection, session, "SELECT EXISTS (SELECT 1 FROM pg_stat_activity"
                + " WHERE pid = ? AND backend_start = CAST(? AS timestamptz))");
    }

    /** Cancels the statement the session runs now, through {@code other}, another connection. */
    void cancel(Connection other, String session) throws SQLException {
        ask(other, session, "SELECT pg_cancel_backend(pid) FROM pg_stat_activity"
                + " WHERE pid = ? AND backend_start = CAST(? AS timestamptz)");
    }

    /** Runs {@code sql} on the named session's pid and start time; whether it returned true. */
    private static boolean ask(Connection connection, String session, String sql) throws SQLException {
        Matcher name = NAME.matcher(session);
        if (!name.matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL session name: " + session);
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, Integer.parseInt(name.group(1)));
            statement.setString(2, name.group(2));
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }
}
