package dev.cairn.runtime;

import dev.cairn.MigrationVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What {@link Migrator#migrate()} did: the migrations it applied in order, which of them ran out
 * of order, how long it took, and the backup it made first if one was configured. An empty
 * {@link #applied()} means the database was already up to date.
 */
public interface MigrationReport extends Report {

    /** The migrations applied, in the order they ran; empty when already up to date. */
    List<ExecutedMigration> applied();

    /** How long the whole command took, lock wait included. */
    Duration duration();

    /** The backup made before applying anything, if backups before migrate are configured. */
    Optional<Path> backup();

    /**
     * The version the migrate went up to, if it was given one ({@link Migrator#migrate(String)}),
     * or the version {@link Migrator#apply(String)} applied.
     */
    Optional<MigrationVersion> target();

    /**
     * Whether only the {@link #target()} and the pending migrations it depends on were to be
     * applied ({@link Migrator#apply(MigrationVersion)}), rather than everything up to it.
     */
    default boolean targetOnly() {
        return false;
    }

    /** The applied migrations that were older than a migration applied before them. */
    default List<ExecutedMigration> outOfOrder() {
        return applied().stream().filter(ExecutedMigration::outOfOrder).toList();
    }

    /**
     * The repeatable migrations it ran after the versioned ones, in name order: those that were
     * new or whose checksum had changed.
     */
    default List<ExecutedRepeatable> repeatables() {
        return List.of();
    }

    /**
     * The versions it adopted from Flyway's history, in plan order: recorded as applied without
     * running them, each file checked against the checksum Flyway recorded. Empty but on the first
     * migrate of a database that Flyway migrated.
     */
    default List<MigrationVersion> adopted() {
        return List.of();
    }

    /** Whether there was nothing to apply (up to the target, if one was given). */
    default boolean isUpToDate() {
        return applied().isEmpty() && repeatables().isEmpty();
    }

    /** A few lines for humans, as printed by the CLI. */
    @Override
    default String summary() {
        String adoption = adopted().isEmpty() ? "" : "Adopted " + adopted().size() + (adopted().size() == 1 ? " migration" : " migrations")
                + " from Flyway's history, recorded as applied without running them: "
                + String.join(", ", adopted().stream().map(MigrationVersion::toString).toList()) + ".\n";
        if (isUpToDate()) {
            return adoption + database() + target().map(version -> targetOnly()
                    ? " has nothing to apply for " + version + ": it is applied, with every migration it depends on"
                    : " has nothing to apply up to " + version).orElse(" is up to date") + " (" + duration().toMillis() + " ms).";
        }
        StringBuilder text = new StringBuilder(adoption);
        if (!applied().isEmpty()) {
            text.append("Applied ").append(applied().size()).append(applied().size() == 1 ? " migration" : " migrations")
                    .append(" to ").append(database()).append(" in ").append(duration().toMillis()).append(" ms:");
            applied().forEach(step -> text.append("\n  ").append(step.summary()));
        }
        if (!repeatables().isEmpty()) {
            text.append(applied().isEmpty() ? "" : "\n").append("Ran ").append(repeatables().size())
                    .append(repeatables().size() == 1 ? " repeatable migration" : " repeatable migrations")
                    .append(applied().isEmpty() ? " on " + database() + " in " + duration().toMillis() + " ms:" : ":");
            repeatables().forEach(step -> text.append("\n  ").append(step.summary()));
        }
        backup().ifPresent(file -> text.append("\nBackup taken first: ").append(file));
        return text.toString();
    }
}
