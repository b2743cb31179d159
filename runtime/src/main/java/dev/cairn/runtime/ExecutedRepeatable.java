package dev.cairn.runtime;

import java.time.Duration;
import java.util.List;

/** One repeatable migration that {@link Migrator#migrate()} ran, because it was new or its checksum had changed. */
public interface ExecutedRepeatable {

    /** Its name, such as {@code "refresh_views"}. */
    String name();

    /** What it does. */
    String description();

    /** Where its SQL is. */
    String resource();

    /** How long it took. */
    Duration duration();

    /** The last statements it ran, in order, as {@link ExecutedMigration#statements()}. */
    List<String> statements();

    /** One line for humans: {@code repeatable "refresh_views" (12 ms)}. */
    default String summary() {
        return "repeatable \"" + name() + "\" (" + duration().toMillis() + " ms)";
    }
}
