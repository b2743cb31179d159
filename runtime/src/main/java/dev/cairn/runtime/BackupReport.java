package dev.cairn.runtime;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A backup that {@link Migrator#backup} made.
 *
 * @param database the database, described without credentials
 * @param file where the backup is
 * @param bytes its size
 * @param duration how long it took
 */
public record BackupReport(String database, Path file, long bytes, Duration duration) implements Report {

    @Override
    public String summary() {
        return "Backed up " + database + " to " + file + " (" + bytes + " bytes, " + duration.toMillis() + " ms).";
    }

    @Override
    public String toString() {
        return summary();
    }
}
