package dev.cairn.runtime;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A backup that {@link Migrator#backup} made.
 */
public interface BackupReport extends Report {

    /** Where the backup is. */
    Path file();

    /** Its size. */
    long bytes();

    /** How long it took. */
    Duration duration();

    @Override
    default String summary() {
        return "Backed up " + database() + " to " + file() + " (" + bytes() + " bytes, " + duration().toMillis() + " ms).";
    }
}
