package dev.cairn.runtime.internal;

import dev.cairn.runtime.LogAction;
import dev.cairn.runtime.LogEntry;
import java.util.Optional;

/**
 * What became of the open attempt of a non-transactional migration (a "running" marker or a
 * failure, not closed by a later row), and how messages say it: the one judgement that migrate,
 * repair, baseline and status share.
 */
enum AttemptOutcome {
    /** Its run is still going in another command: wait for it, never clear it. */
    RUNNING,
    /** It failed part way. */
    FAILED,
    /** Its run was on another host, whose processes this one cannot see. */
    ON_ANOTHER_HOST,
    /** Its run ended without closing its marker: the process died, was killed, or lost its connection. */
    ENDED;

    /** Tells whether a database session named in a marker is still connected, where the database can. */
    @FunctionalInterface
    interface SessionCheck {
        /** Empty where the database does not name sessions. */
        Optional<Boolean> alive(String session);

        /** For a database without sessions of its own (SQLite). */
        SessionCheck NONE = session -> Optional.empty();
    }

    /**
     * @param lockCoversRuns whether the caller holds a lock that every run holds for its whole
     *     command (PostgreSQL's): then no other run can be going, unless the run lost that lock,
     *     which its session tells
     * @param sessions whether the session a marker names is still connected: the run's own word
     *     on whether it is going, whatever its host and its lock
     */
    static AttemptOutcome of(LogEntry attempt, boolean lockCoversRuns, SessionCheck sessions) {
        if (attempt.action() == LogAction.FAIL) {
            return FAILED;
        }
        Optional<Boolean> sessionAlive = Owner.session(attempt.detail()).flatMap(sessions::alive);
        if (sessionAlive.isPresent()) {
            return sessionAlive.get() ? RUNNING : ENDED;
        }
        if (lockCoversRuns) {
            return ENDED;
        }
        return switch (Owner.liveness(attempt.detail())) {
            case RUNNING -> RUNNING;
            case UNKNOWN -> ON_ANOTHER_HOST;
            case ENDED -> ENDED;
        };
    }

    /**
     * What happened to the attempt's run, to follow "its last run, started ..., ", such as
     * {@code "never finished: its up() run by pid 42 on app-host (run 3f2a9c01b7de) ended (...)"}.
     */
    String whatHappened(LogEntry attempt) {
        return switch (this) {
            case RUNNING -> "is still going: its " + attempt.detail() + (Owner.session(attempt.detail()).isPresent()
                    ? " is still connected" : pidOnlyCaveat(attempt));
            case FAILED -> "failed (" + attempt.detail().lines().findFirst().orElse("") + ")";
            case ON_ANOTHER_HOST -> "has not finished: its " + attempt.detail() + " ran on another host, and Cairn cannot"
                    + " tell whether it is still running on host " + Owner.host(attempt.detail()).orElse("?");
            case ENDED -> "never finished: its " + attempt.detail() + " ended (the process died, was killed, or lost its"
                    + " connection)";
        };
    }

    /** For a run judged still going by its pid alone, which a process that reused the pid would pass for. */
    static String pidOnlyCaveat(LogEntry attempt) {
        return Owner.judgedByPidOnly(attempt.detail()) ? "; judged by its pid alone, as the process start time is unknown"
                + " here, so a program that reused that pid would look the same" : "";
    }
}
