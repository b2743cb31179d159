package dev.cairn.runtime.internal.data;

import java.time.Duration;

/** When a data migration's time is up: none, or a moment by the monotonic clock. */
final class Deadline {

    private final Duration timeout;
    private final long end;

    private Deadline(Duration timeout) {
        this.timeout = timeout;
        this.end = System.nanoTime() + (timeout == null ? 0 : timeout.toNanos());
    }

    /** @param timeout the time allowed, or {@code null} or zero for no limit */
    static Deadline after(Duration timeout) {
        return new Deadline(timeout == null || timeout.isZero() ? null : timeout);
    }

    Duration timeout() {
        return timeout;
    }

    /** The time left, 0 once it passed; only with a timeout. */
    long remainingNanos() {
        return Math.max(0, end - System.nanoTime());
    }

    boolean passed() {
        return timeout != null && System.nanoTime() - end >= 0;
    }

    /** A statement's timeout in whole seconds, rounded up, so that none outlives the deadline by more than a second; 0 for none. */
    int statementTimeoutSeconds() {
        if (timeout == null) {
            return 0;
        }
        long left = end - System.nanoTime();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (left + 999_999_999L) / 1_000_000_000L));
    }
}
