package dev.cairn.runtime;

import dev.cairn.MigrationVersion;
import java.time.Instant;

/** One line of {@link StatusReport}: a migration and where it stands. */
public interface MigrationStatus {

    /** The migration's version. */
    MigrationVersion version();

    /** What it does. */
    String description();

    /** The migration class, or empty for a version unknown to this build. */
    String className();

    /** Where it stands. */
    MigrationState state();

    /** When it was applied, or {@code null} if it is not applied. */
    Instant installedOn();

    /** Who applied it, or {@code null} if it is not applied. */
    String installedBy();

    /** More about the state (the last error of a failed migration), or empty. */
    String detail();
}
