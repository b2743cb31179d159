package dev.cairn.runtime.data;

/** What a data migration does with a row it cannot process. */
public enum OnError {
    /**
     * Stop (the default): the batch of the failing row rolls back, the batches before it stay
     * committed with their checkpoint, and the error names the row's key, the batch and the
     * cause. Once the row is fixed, {@code migrate} resumes after the last committed batch.
     */
    FAIL,
    /**
     * Set the row aside and go on: the row's key, the error and its raw values go to Cairn's
     * quarantine table ({@code <history table>_quarantine}), the writes its handler buffered are
     * dropped, and the rest of its batch commits. The count shows in the migration's result and
     * in {@code status}.
     */
    QUARANTINE
}
