package dev.cairn.runtime;

import java.time.Duration;
import java.util.Optional;

/**
 * A command that ended.
 *
 * @param command which command
 * @param database the database, as messages name it, without credentials
 * @param duration how long it took, lock wait included
 * @param summary what happened, for humans: the report's summary, or the error's message
 * @param failure the error, if the command failed
 */
public record CommandEvent(Command command, String database, Duration duration, String summary,
        Optional<MigrationException> failure) {
}
