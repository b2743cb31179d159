package dev.cairn.runtime.internal.data;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a run of a data migration did, for its report.
 *
 * @param resumedFrom the rows an interrupted run had done before this one
 * @param estimated a dry run's estimate of the whole run
 * @param writes a dry run's buffered statements, each with its number of rows
 */
public record DataOutcome(long rows, long quarantined, long batches, long written, long resumedFrom,
        Optional<Duration> estimated, List<String> writes) {

    public DataOutcome {
        writes = List.copyOf(writes);
    }
}
