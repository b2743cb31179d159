package dev.cairn.runtime.spi;

/**
 * What kind of trouble a database error is, beyond what its SQLState class says: the advice a
 * failed migration gets depends on it.
 */
public enum DatabaseError {
    /** Waiting for a lock took too long, or a deadlock was broken: another session is in the way. */
    LOCK,
    /** The connection or the server went away: nothing is wrong with the migration. */
    CONNECTION,
    /** The server ran out of disk, memory or connections. */
    RESOURCES,
    /** The statement was cancelled, by an operator or a timeout. */
    CANCELLED,
    /** The statement creates something (a table, a column, an index) that already exists. */
    ALREADY_EXISTS,
    /** None of the above: the statement itself failed. */
    OTHER
}
