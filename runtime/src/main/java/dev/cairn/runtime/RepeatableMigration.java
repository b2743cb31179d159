package dev.cairn.runtime;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A repeatable migration, such as Flyway's {@code R__views.sql}: it has a name instead of a version,
 * runs after the versioned migrations of a {@link Migrator#migrate()}, in name order, and runs
 * again whenever its checksum differs from the one recorded when it last ran. It is never rolled
 * back: its SQL is written to be run again ({@code CREATE OR REPLACE VIEW ...}).
 *
 * <p>Each run is its own transaction with its row in the table beside the history
 * ({@code <historyTable>_repeatable}: name, checksum, when and by whom it last ran). A rollback
 * leaves repeatable migrations alone but forgets that they ran, so that the next migrate runs them
 * again: an undo file may have dropped what they created. Listeners are not told of them; the
 * {@link MigrationContext#migration()} their step sees is a stand-in named after the file.
 *
 * <p>Created through {@link #builder(String, String)}, whose methods stay stable as fields are
 * added, so that registries compiled against an older runtime keep working.
 */
public final class RepeatableMigration {

    private final String name;
    private final String description;
    private final String resource;
    private final String checksum;
    private final Supplier<? extends JavaMigration> steps;

    private RepeatableMigration(Builder builder) {
        this.name = builder.name;
        this.resource = builder.resource;
        this.description = builder.description != null ? builder.description : builder.name;
        this.checksum = Objects.requireNonNull(builder.checksum, () -> "checksum of repeatable migration " + builder.name);
        this.steps = Objects.requireNonNull(builder.steps, () -> "steps of repeatable migration " + builder.name);
    }

    /**
     * Starts describing a repeatable migration.
     *
     * @param name its identity, unique among the repeatable migrations of a plan: the part of
     *     {@code R__refresh_views.sql} after {@code R__}, {@code "refresh_views"}
     * @param resource where its SQL is, for messages: a classpath path such as
     *     {@code "db/migration/R__refresh_views.sql"}
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static Builder builder(String name, String resource) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a repeatable migration's name must not be blank (resource " + resource + ")");
        }
        return new Builder(name, Objects.requireNonNull(resource, "resource"));
    }

    /** Its identity among the plan's repeatable migrations. */
    public String name() {
        return name;
    }

    /** What it does, for humans; its name unless the registry gave one. */
    public String description() {
        return description;
    }

    /** Where its SQL is, for messages. */
    public String resource() {
        return resource;
    }

    /** The compile-time checksum of its SQL, prefixed with the algorithm's tag, such as {@code "sql1:3f2a..."}. */
    public String checksum() {
        return checksum;
    }

    /** A new instance of its step; only {@code up} is called. */
    public JavaMigration newStep() {
        return steps.get();
    }

    /** How messages name it: {@code repeatable "refresh_views" (db/migration/R__refresh_views.sql)}. */
    public String displayName() {
        return "repeatable \"" + name + "\" (" + resource + ")";
    }

    @Override
    public String toString() {
        return displayName();
    }

    /** Describes one repeatable migration; {@link #checksum} and {@link #steps} are required. */
    public static final class Builder {

        private final String name;
        private final String resource;
        private String description;
        private String checksum;
        private Supplier<? extends JavaMigration> steps;

        private Builder(String name, String resource) {
            this.name = name;
            this.resource = resource;
        }

        /** What it does, for humans; default its name. */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /** The checksum, with its algorithm's tag; required. */
        public Builder checksum(String checksum) {
            this.checksum = Objects.requireNonNull(checksum, "checksum");
            return this;
        }

        /** Creates a new step for each run; required. */
        public Builder steps(Supplier<? extends JavaMigration> steps) {
            this.steps = Objects.requireNonNull(steps, "steps");
            return this;
        }

        /** The repeatable migration. */
        public RepeatableMigration build() {
            return new RepeatableMigration(this);
        }
    }
}
