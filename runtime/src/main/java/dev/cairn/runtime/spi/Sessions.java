package dev.cairn.runtime.spi;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Names database sessions and tells whether one is still connected, for a database that can (a
 * server with sessions, such as PostgreSQL). The "running" marker of a non-transactional
 * migration names its session, so that another process can tell a run that is still going from
 * one whose process died, even when the run lost the migration lock.
 */
public interface Sessions {

    /**
     * A stable name of {@code connection}'s session, unique on the server over time (a pid alone is
     * reused), such as {@code "backend 4242 since 2026-01-27T08:00:00.120Z"}.
     */
    String current(Connection connection) throws SQLException;

    /**
     * Whether the session that {@link #current} named is still connected.
     *
     * @param connection any connection to the same database
     */
    boolean alive(Connection connection, String session) throws SQLException;
}
