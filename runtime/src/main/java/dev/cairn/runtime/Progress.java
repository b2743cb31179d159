package dev.cairn.runtime;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How far a long-running migration got, as it reports through
 * {@link MigrationContext#reportProgress(Progress)}.
 *
 * @param done the units done so far (rows, for a data migration)
 * @param total the units in all, if known or estimated
 * @param batch the number of the batch just finished, from 1; 0 when the work is not batched
 * @param elapsed how long the work has run
 * @param resumedFrom the units of {@code done} that an earlier, interrupted run did (a data
 *     migration resumed after its last committed batch), which the rate leaves out
 */
public record Progress(long done, OptionalLong total, long batch, Duration elapsed, long resumedFrom) {

    /** Progress of work that started from the beginning. */
    public Progress(long done, OptionalLong total, long batch, Duration elapsed) {
        this(done, total, batch, elapsed, 0);
    }

    /** Units per second so far in this run; 0 before any time has passed. */
    public double rate() {
        long nanos = elapsed.toNanos();
        return nanos == 0 ? 0 : (done - resumedFrom) * 1e9 / nanos;
    }

    /** How long the rest should take at the rate so far, when the total is known. */
    public Optional<Duration> remaining() {
        double rate = rate();
        if (total.isEmpty() || rate == 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) (Math.max(0, total.getAsLong() - done) / rate * 1000)));
    }
}
