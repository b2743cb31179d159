package dev.cairn.runtime.internal.report;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.MigrationState;
import dev.cairn.runtime.MigrationStatus;
import java.time.Instant;
import java.util.Objects;

/** The engine's {@link MigrationStatus}. */
public record StatusLine(MigrationVersion version, String description, String className, MigrationState state,
        Instant installedOn, String installedBy, String detail) implements MigrationStatus {

    public StatusLine {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
    }
}
