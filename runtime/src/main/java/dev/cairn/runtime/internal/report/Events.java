package dev.cairn.runtime.internal.report;

import dev.cairn.runtime.Command;
import dev.cairn.runtime.CommandEvent;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationEvent;
import dev.cairn.runtime.MigrationException;
import java.time.Duration;
import java.util.Optional;

/** The engine's events. */
public final class Events {

    private Events() {
    }

    /** The engine's {@link MigrationEvent}. */
    public record Migration(Command command, MigrationDescriptor migration, String database) implements MigrationEvent {
        @Override
        public String toString() {
            return command + " " + migration.displayName() + " on " + database;
        }
    }

    /** The engine's {@link CommandEvent}. */
    public record Ended(Command command, String database, Duration duration, String summary,
            Optional<MigrationException> failure) implements CommandEvent {
    }
}
