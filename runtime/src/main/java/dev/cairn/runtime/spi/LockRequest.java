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
 * @param whileWaiting what the command does between two tries while another holder keeps the lock
 */
public record LockRequest(Connection work, Opener connections, String name, Duration timeout, String database,
        WhileWaiting whileWaiting) {

    /** A request whose command has nothing to do while it waits. */
    public LockRequest(Connection work, Opener connections, String name, Duration timeout, String database) {
        this(work, connections, name, timeout, database, WhileWaiting.NOTHING);
    }

    /**
     * Work a command does on its work connection while it waits for a lock that another command
     * holds for the whole of its run, such as joining the parallel data migration that the holder
     * runs. A lock that waits by polling calls it between two tries; the time it took does not
     * count against the lock timeout.
     */
    @FunctionalInterface
    public interface WhileWaiting {

        /** Nothing to do. */
        WhileWaiting NOTHING = () -> Duration.ZERO;

        /** Does what there is to do now, on the idle work connection; returns how long it took. */
        Duration work() throws SQLException;
    }

    /** Opens a connection to the same database. */
    @FunctionalInterface
    public interface Opener {
        Connection open() throws SQLException;
    }
}
