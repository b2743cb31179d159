package dev.cairn.runtime.internal.data;

/**
 * Runs a data migration's batches for the engine's command that called its {@code up()} or
 * {@code down()}: the way from the public {@link dev.cairn.runtime.data.DataMigration} into the engine.
 */
public interface DataHost {

    /** Runs the batches {@code plan} describes, of the migration's {@code forward} or {@code backward} work. */
    void run(BatchPlan plan) throws Exception;

    /** What the engine's migration context offers: the data host of the step it runs, if it runs one. */
    interface Provider {
        /** The host of the running step; {@code null} where none runs data migrations. */
        DataHost dataHost();
    }
}
