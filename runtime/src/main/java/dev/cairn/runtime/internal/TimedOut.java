package dev.cairn.runtime.internal;

import java.time.Duration;

/** A migration ran past {@code migrationTimeout}; its cause is the failure of the statement that was cancelled, if any. */
final class TimedOut extends Exception {

    private static final long serialVersionUID = 1L;

    TimedOut(Duration timeout, Throwable cancelled) {
        super("ran past migrationTimeout (" + timeout.toMillis() + " ms) and was cancelled", cancelled);
    }
}
