package dev.cairn.runtime.data;

/**
 * One buffered write of a {@link Batch}: each {@link #add} queues a set of values, and the whole
 * buffer runs as a JDBC batch when the batch ends, in the batch's transaction and in the order the
 * statements were first used. On PostgreSQL an {@code INSERT ... VALUES (?, ...)} is sent as
 * multi-row inserts, which is what the driver's {@code reWriteBatchedInserts} would do.
 */
public interface BatchStatement {

    /**
     * Queues the statement with {@code values} for its {@code ?} parameters, in order. Values
     * added while processing a row that then fails are dropped with it.
     *
     * @throws IllegalArgumentException if the number of values does not match the parameters
     */
    void add(Object... values);
}
