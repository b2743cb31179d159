package dev.cairn.runtime.internal.data;

import dev.cairn.runtime.Progress;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Counts a run's rows and batches over all its workers, and reports them at most
 * {@value #EVERY_MILLIS} ms apart, never per row, from the thread that runs the command.
 */
final class ProgressMeter {

    private static final long EVERY_MILLIS = 250;

    private final long before;
    private final long batchesBefore;
    private final Long total;
    private final Consumer<Progress> sink;
    private final long start = System.nanoTime();
    private long rows;
    private long quarantined;
    private long batches;
    private long written;
    private long lastReport = System.nanoTime();
    private long lastReported = -1;

    /**
     * @param before the rows an interrupted run already did
     * @param total the rows in all, or {@code null} if unknown
     */
    ProgressMeter(long before, long batchesBefore, Long total, Consumer<Progress> sink) {
        this.before = before;
        this.batchesBefore = batchesBefore;
        this.total = total;
        this.sink = sink;
    }

    /** Counts a committed batch. */
    synchronized void committed(long rows, long quarantined, long written) {
        this.rows += rows;
        this.quarantined += quarantined;
        this.written += written;
        if (rows > 0) {
            batches++;
        }
    }

    /** Reports, if a report is due and something changed. */
    void maybeReport() {
        Progress progress;
        synchronized (this) {
            long now = System.nanoTime();
            if (now - lastReport < EVERY_MILLIS * 1_000_000 || rows == lastReported) {
                return;
            }
            lastReport = now;
            lastReported = rows;
            progress = new Progress(before + rows, total == null ? OptionalLong.empty() : OptionalLong.of(total),
                    batchesBefore + batches, Duration.ofNanos(now - start), before);
        }
        sink.accept(progress);
    }

    /** The last report of a run that did every row: the total is what was done. */
    void finished() {
        Progress progress;
        synchronized (this) {
            progress = new Progress(before + rows, OptionalLong.of(before + rows), batchesBefore + batches,
                    Duration.ofNanos(System.nanoTime() - start), before);
        }
        sink.accept(progress);
    }

    synchronized long rows() {
        return rows;
    }

    synchronized long quarantined() {
        return quarantined;
    }

    synchronized long batches() {
        return batches;
    }

    synchronized long written() {
        return written;
    }

    long before() {
        return before;
    }
}
