package dev.cairn.runtime;

import java.time.Duration;
import java.util.Optional;

/** A command that ended, successfully or not. */
public interface CommandEvent {

    /** Which command. */
    Command command();

    /** The database, as messages name it, without credentials. */
    String database();

    /** How long it took, lock wait included. */
    Duration duration();

    /** What happened, for humans: the report's summary, or the error's message. */
    String summary();

    /** The error, if the command failed. */
    Optional<MigrationException> failure();
}
