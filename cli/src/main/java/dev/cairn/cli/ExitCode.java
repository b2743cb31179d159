package dev.cairn.cli;

import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationException;

/**
 * The exit codes of the {@code cairn} command, which scripts and CI pipelines rely on; the README
 * lists them.
 */
final class ExitCode {

    /** The command did what was asked (also: validate found nothing wrong). */
    static final int OK = 0;
    /** The command failed: a migration, the connection, a backup... the message says what and what to do. */
    static final int FAILURE = 1;
    /** The command line is wrong: an unknown option, a missing database URL, a version not in the build. */
    static final int USAGE = 2;
    /**
     * The database and the build disagree: validate found problems, or migrate refused because an
     * applied migration changed, is unknown to the build, or would run out of order under strict order.
     */
    static final int VALIDATION = 3;
    /** Another process held the migration lock (or a lock a statement needed) for longer than the timeout. */
    static final int LOCK_TIMEOUT = 4;
    /** A command that changes the database was not confirmed: no terminal and no {@code --yes}, or answered no. */
    static final int REFUSED = 5;

    private ExitCode() {
    }

    /** The exit code of a runtime error. */
    static int of(MigrationException error) {
        return of(error.code());
    }

    static int of(ErrorCode code) {
        return switch (code) {
            case LOCK_TIMEOUT -> LOCK_TIMEOUT;
            case CHECKSUM_MISMATCH, UNKNOWN_APPLIED, OUT_OF_ORDER -> VALIDATION;
            case NOT_IN_BUILD -> USAGE;
            default -> FAILURE;
        };
    }
}
