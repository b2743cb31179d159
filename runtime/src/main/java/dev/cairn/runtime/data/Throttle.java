package dev.cairn.runtime.data;

import java.sql.Connection;

/**
 * Asked before each batch whether to hold off, for example while a replica lags behind:
 *
 * <pre>{@code
 * .throttle(connection -> replicaLagSeconds(connection) > 5)
 * }</pre>
 *
 * While it returns {@code true}, the worker waits (the {@linkplain Batches#pause pause}, or one
 * second without one) and asks again; the migration's timeout still runs.
 */
@FunctionalInterface
public interface Throttle {

    /**
     * Whether to wait before the next batch.
     *
     * @param connection a connection to the database being migrated, outside any transaction,
     *     for queries such as {@code pg_stat_replication}; it refuses to be closed or to begin a
     *     transaction
     */
    boolean holdOff(Connection connection) throws Exception;
}
