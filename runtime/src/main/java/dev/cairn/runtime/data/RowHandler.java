package dev.cairn.runtime.data;

/**
 * The work a data migration does for each row of its source: read it through {@link Row}, write
 * through the {@link Batch}'s buffered statements.
 */
@FunctionalInterface
public interface RowHandler {

    /**
     * Processes one row. Throwing fails the row: under {@link OnError#FAIL} the migration stops
     * with an error naming the row's key; under {@link OnError#QUARANTINE} the row is set aside
     * and what this call buffered is dropped.
     */
    void process(Row row, Batch batch) throws Exception;
}
