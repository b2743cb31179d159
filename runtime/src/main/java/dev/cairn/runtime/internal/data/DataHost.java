package dev.cairn.runtime.internal.data;

import java.util.OptionalInt;

/**
 * Runs a data migration's batches for the engine's command that called its {@code up()} or
 * {@code down()}: the way from the public {@link dev.cairn.runtime.data.DataMigration} into the engine.
 */
public interface DataHost {

    /** Runs the batches {@code plan} describes, of the migration's {@code forward} or {@code backward} work. */
    void run(BatchPlan plan) throws Exception;

    /**
     * This host, running every plan with {@code rows} per batch instead of the size it declares
     * (the migrator's {@code dataBatchSize}); this host itself when {@code rows} is empty.
     */
    default DataHost withBatchSize(OptionalInt rows) {
        return rows.isEmpty() ? this : plan -> run(plan.withSize(rows.getAsInt()));
    }

    /** What the engine's migration context offers: the data host of the step it runs, if it runs one. */
    interface Provider {
        /** The host of the running step; {@code null} where none runs data migrations. */
        DataHost dataHost();
    }
}
