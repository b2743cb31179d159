package dev.cairn.runtime.data;

import dev.cairn.runtime.Database;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.IrreversibleMigrationException;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.internal.data.BatchPlan;
import dev.cairn.runtime.internal.data.DataHost;

/**
 * A migration that goes through many rows in batches: still one {@link dev.cairn.Migration} class
 * in the graph, whose {@link #forward} describes the work. Each batch is its own transaction,
 * committed together with its checkpoint in Cairn's table {@code <history table>_data}, so a data
 * migration:
 * <ul>
 *   <li>never holds one long transaction over the whole table;</li>
 *   <li>resumes by itself after a crash, a kill or a timeout: the next {@code migrate} goes on
 *       after the last committed batch, with no row processed twice and none skipped
 *       ({@code status} shows it "in progress, N rows done, resumable");</li>
 *   <li>reports progress (rows done, total, rate, time left) to the
 *       {@linkplain dev.cairn.runtime.MigrationListener#onProgress listeners};</li>
 *   <li>can spread over {@linkplain Batches#workers workers};</li>
 *   <li>fails naming the row, or {@linkplain OnError#QUARANTINE sets bad rows aside}.</li>
 * </ul>
 * The migration is recorded as applied once every batch is done. Its {@code transactional}
 * attribute does not apply: it always runs batch by batch. In a
 * {@linkplain dev.cairn.runtime.Migrator#dryRun() dry run} only its first batch runs, rolled back,
 * and the report estimates how long the whole would take. Schema changes it needs (the tables it
 * fills) belong in ordinary migrations before it, in its {@code dependsOn}.
 *
 * <p><b>Rolling back.</b> Override {@link #backward} to describe the work that undoes it; it runs
 * the same way, with its own checkpoints. A data migration without one cannot be rolled back:
 * the compiler reports a reversible one that does not override it, so declare
 * {@code reversible = false}, or override backward.
 *
 * <p>{@link #up} and {@link #down} are final: they hand the batches to Cairn's engine, and work only
 * when Cairn runs the migration.
 */
public abstract class DataMigration implements JavaMigration {

    /** For subclasses, which the generated registry creates through their no-argument constructor. */
    protected DataMigration() {
    }

    /**
     * The work that applies this migration, such as
     * {@code Batches.from("legacy").key("id").each((row, batch) -> ...)}. Called at each run, and
     * by each instance that joins a parallel run: describe the work here, do none.
     *
     * @param database the database it runs on, for work that differs between databases
     */
    protected abstract Batches forward(Database database);

    /**
     * The work that undoes {@link #forward}; {@code null} (the default) if it cannot be undone.
     * A migration declared {@code reversible = true} (the default) must override it.
     */
    protected Batches backward(Database database) {
        return null;
    }

    /** Runs {@link #forward}'s batches; called by Cairn. */
    @Override
    public final void up(MigrationContext ctx) throws Exception {
        host(ctx).run(checked(forward(ctx.database()), ctx, "forward"));
    }

    /** Runs {@link #backward}'s batches; called by Cairn. */
    @Override
    public final void down(MigrationContext ctx) throws Exception {
        Batches backward = backward(ctx.database());
        if (backward == null) {
            throw new IrreversibleMigrationException(ctx.migration());
        }
        host(ctx).run(checked(backward, ctx, "backward"));
    }

    private static DataHost host(MigrationContext ctx) {
        DataHost host = ctx instanceof DataHost.Provider provider ? provider.dataHost() : null;
        if (host == null) {
            throw new MigrationException(ErrorCode.INVALID_CONFIGURATION, "Data migration " + ctx.migration().displayName()
                    + " was called outside Cairn's engine: a DataMigration runs only through a Migrator (migrate, rollback"
                    + " or dryRun), which commits its batches with their checkpoints.");
        }
        return host;
    }

    private static BatchPlan checked(Batches batches, MigrationContext ctx, String method) {
        String problem = batches == null ? method + "() returned null"
                : batches.plan().key().isEmpty() ? method + "() names no key: add .key(\"id\") (a unique, NOT NULL column or columns)"
                : batches.plan().handler() == null ? method + "() gives no work: add .each((row, batch) -> ...)" : null;
        if (problem != null) {
            throw new MigrationException(ErrorCode.INVALID_CONFIGURATION, "Data migration " + ctx.migration().displayName()
                    + ": " + problem + ". Nothing was changed.");
        }
        return batches.plan();
    }
}
