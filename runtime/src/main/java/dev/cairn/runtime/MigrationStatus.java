package dev.cairn.runtime;

import dev.cairn.MigrationVersion;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of {@link StatusReport}.
 *
 * @param version the migration's version
 * @param description what it does
 * @param className the migration class, or empty for a version unknown to this build
 * @param state where it stands
 * @param installedOn when it was applied, or {@code null} if it is not applied
 * @param installedBy who applied it, or {@code null} if it is not applied
 * @param detail more about the state (the last error of a failed migration), or empty
 */
public record MigrationStatus(
        MigrationVersion version,
        String description,
        String className,
        MigrationState state,
        Instant installedOn,
        String installedBy,
        String detail) {

    public MigrationStatus {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
    }
}
