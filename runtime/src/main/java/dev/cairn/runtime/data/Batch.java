package dev.cairn.runtime.data;

import dev.cairn.runtime.Database;
import java.sql.Connection;

/**
 * One batch of a data migration: one transaction that writes the batch's rows and its checkpoint
 * together. Writes go through buffered statements, run when the batch ends:
 *
 * <pre>{@code
 * batch.insert("INSERT INTO robots (id, name) VALUES (?, ?)").add(row.string("id"), row.string("name"));
 * }</pre>
 *
 * Asking twice for the same SQL gives the same buffer, so handlers may ask for it on each row.
 */
public interface Batch {

    /**
     * The batch's number, from 1, over all workers and counting the batches an interrupted run
     * committed before this one resumed it.
     */
    long number();

    /** A buffered {@code INSERT}; on PostgreSQL sent as multi-row inserts. */
    BatchStatement insert(String sql);

    /** A buffered {@code UPDATE}, {@code DELETE} or other statement that takes parameters. */
    BatchStatement update(String sql);

    /**
     * JSON text for {@code value} (a tree, a record, a map, a list), to write back into a JSON
     * column.
     */
    String json(Object value);

    /** The database being migrated. */
    Database database();

    /**
     * The batch's connection, inside its transaction, for what the buffered statements do not
     * cover (a lookup, say). Writes made on it directly are not buffered: under
     * {@link OnError#QUARANTINE} they stay even if the row that made them is set aside, so prefer
     * {@link #insert} and {@link #update} for writes. It refuses what would end the batch's
     * transaction (commit, rollback, close), as {@link dev.cairn.runtime.MigrationContext#connection()} does.
     */
    Connection connection();

    /** Whether this is a dry run, whose one batch is rolled back. */
    boolean isDryRun();
}
