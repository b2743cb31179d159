package dev.cairn.runtime.internal.data;

import java.util.List;

/**
 * One range of a data migration's key space with its checkpoint, as the data table holds it.
 *
 * @param after the key the range starts after, or {@code null} for the first range
 * @param upTo the last key of the range, or {@code null} for the last range
 * @param lastKey the key of the last row done, or {@code null} if none is done yet
 * @param total the number of rows the run expects in all its ranges, or {@code null} if unknown
 */
record RangeRow(int number, List<Object> after, List<Object> upTo, List<Object> lastKey, long rowsDone, long quarantined,
        long batches, Long total, boolean done) {

    /** The key a next batch starts after: the last one done, or the range's start. */
    List<Object> resumeAfter() {
        return lastKey != null ? lastKey : after;
    }
}
