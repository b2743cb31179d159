package dev.cairn.runtime;

import dev.cairn.MigrationVersion;
import java.time.Instant;

/** One row of the audit log ({@code cairn_log}), as {@link Migrator#history()} returns it. */
public interface LogEntry {

    /** The row's position in the log. */
    long id();

    /** The migration concerned. */
    MigrationVersion version();

    /** The migration's description. */
    String description();

    /** What happened. */
    LogAction action();

    /** The migration's checksum at the time. */
    String checksum();

    /** When it happened. */
    Instant loggedOn();

    /** Who did it. */
    String loggedBy();

    /** How long it took, in milliseconds. */
    long executionMs();

    /** The error of a failure, the direction of a running marker, or empty. */
    String detail();

    /** One line for humans. */
    default String summary() {
        return String.format("%s  %-9s %-12s %s (%d ms, %s)%s", loggedOn(), action(), version(), description(),
                executionMs(), loggedBy(), detail().isEmpty() ? "" : "\n      " + detail());
    }
}
