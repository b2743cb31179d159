package dev.cairn.runtime.data;

import dev.cairn.runtime.ExecutedMigration;
import java.time.Duration;
import java.util.Optional;

/**
 * What a command's report says of a {@link DataMigration} that ran: the {@link ExecutedMigration}
 * facts, and the rows. Reports list it as an {@code ExecutedMigration}; test with
 * {@code instanceof ExecutedDataMigration}.
 */
public interface ExecutedDataMigration extends ExecutedMigration {

    /** Rows processed by this run, set-aside ones included; in a dry run, those of its one batch. */
    long rowsProcessed();

    /** Rows this run set aside in the quarantine table ({@link OnError#QUARANTINE}). */
    long rowsQuarantined();

    /** Batches committed by this run (in a dry run: 1, rolled back). */
    long batches();

    /** Values queued through the batches' buffered statements: the rows written. */
    long rowsWritten();

    /**
     * The rows an earlier, interrupted run had already done, after which this run resumed; 0 for a
     * run that started from the beginning.
     */
    long resumedFrom();

    /**
     * In a dry run, how long the whole migration should take, from its first batch's time and
     * the total number of rows (exact or estimated); empty outside dry runs or when there is no total.
     */
    Optional<Duration> estimatedDuration();

    @Override
    default String summary() {
        return ExecutedMigration.super.summary() + ": " + rowsProcessed() + " rows in " + batches()
                + (batches() == 1 ? " batch" : " batches")
                + (rowsQuarantined() > 0 ? ", " + rowsQuarantined() + " quarantined" : "")
                + (resumedFrom() > 0 ? ", resumed after " + resumedFrom() + " rows" : "")
                + estimatedDuration().map(d -> ", whole run estimated at " + d.toSeconds() + " s").orElse("");
    }
}
