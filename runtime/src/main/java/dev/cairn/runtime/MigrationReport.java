package dev.cairn.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Migrator#migrate()} did: the migrations it applied in order, which of them ran out
 * of order, how long it took, and the backup it made first if one was configured. An empty
 * {@link #applied()} means the database was already up to date.
 */
public final class MigrationReport implements Report {

    private final String database;
    private final List<ExecutedMigration> applied;
    private final Duration duration;
    private final Path backup;

    public MigrationReport(String database, List<ExecutedMigration> applied, Duration duration, Path backup) {
        this.database = Objects.requireNonNull(database, "database");
        this.applied = List.copyOf(applied);
        this.duration = Objects.requireNonNull(duration, "duration");
        this.backup = backup;
    }

    /** The database, as a description without credentials, such as {@code SQLite jdbc:sqlite:app.db}. */
    public String database() {
        return database;
    }

    /** The migrations applied, in the order they ran; empty when already up to date. */
    public List<ExecutedMigration> applied() {
        return applied;
    }

    /** The applied migrations that were older than a migration applied before them. */
    public List<ExecutedMigration> outOfOrder() {
        return applied.stream().filter(ExecutedMigration::outOfOrder).toList();
    }

    /** Whether there was nothing to do. */
    public boolean isUpToDate() {
        return applied.isEmpty();
    }

    /** How long the whole command took, lock wait included. */
    public Duration duration() {
        return duration;
    }

    /** The backup made before applying anything, if backups before migrate are configured. */
    public Optional<Path> backup() {
        return Optional.ofNullable(backup);
    }

    /** A few lines for humans, as printed by the CLI. */
    public String summary() {
        if (applied.isEmpty()) {
            return database + " is up to date (" + duration.toMillis() + " ms).";
        }
        StringBuilder text = new StringBuilder("Applied ").append(applied.size())
                .append(applied.size() == 1 ? " migration" : " migrations").append(" to ").append(database)
                .append(" in ").append(duration.toMillis()).append(" ms:");
        applied.forEach(step -> text.append("\n  ").append(step.summary()));
        if (backup != null) {
            text.append("\nBackup taken first: ").append(backup);
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}
