package dev.cairn.runtime.spi;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * What a {@link DatabaseSupport} needs to take the migration lock.
 *
 * @param work the connection migrations run on
 * @param connections opens another connection, for locks that need their own
 * @param name identifies the lock: the history table as Cairn's SQL names it (with its schema
 *     when one is configured); a database may key its lock on part of it (PostgreSQL keys it on
 *     the bare table name), as long as one table never gets two locks
 * @param timeout how long to wait for another holder
 * @param database how messages name the database
 */
public record LockRequest(Connection work, Opener connections, String name, Duration timeout, String database) {

    /** Opens a connection to the same database. */
    @FunctionalInterface
    public interface Opener {
        Connection open() throws SQLException;
    }
}
