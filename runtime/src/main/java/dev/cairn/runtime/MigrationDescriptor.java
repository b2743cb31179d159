package dev.cairn.runtime;

import dev.cairn.MigrationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything the runtime knows about one migration, fixed at compile time by the generated
 * registry: its version, what it depends on, how it runs, its checksum, and how to create its step.
 *
 * <p>Created through {@link #builder(String, String)}, whose methods stay stable as fields are
 * added, so that registries compiled against an older runtime keep working.
 */
public final class MigrationDescriptor {

    private final MigrationVersion version;
    private final String description;
    private final List<MigrationVersion> dependsOn;
    private final boolean reversible;
    private final boolean transactional;
    private final String checksum;
    private final String className;
    private final Supplier<? extends JavaMigration> steps;

    private MigrationDescriptor(Builder builder) {
        this.version = builder.version;
        this.description = builder.description;
        this.dependsOn = List.copyOf(builder.dependsOn);
        this.reversible = builder.reversible;
        this.transactional = builder.transactional;
        this.checksum = Objects.requireNonNull(builder.checksum, () -> "checksum of migration " + builder.version);
        this.className = builder.className;
        this.steps = Objects.requireNonNull(builder.steps, () -> "steps of migration " + builder.version);
    }

    /**
     * Starts describing a migration.
     *
     * @param version the migration's version, such as {@code "2.1"}
     * @param className the migration class's canonical name, for messages
     * @throws IllegalArgumentException if {@code version} is not a version
     */
    public static Builder builder(String version, String className) {
        return new Builder(MigrationVersion.parse(version), Objects.requireNonNull(className, "className"));
    }

    /** The migration's identity. */
    public MigrationVersion version() {
        return version;
    }

    /** What it does, for humans. */
    public String description() {
        return description;
    }

    /** The versions that must be applied before it. */
    public List<MigrationVersion> dependsOn() {
        return dependsOn;
    }

    /**
     * Whether it can be rolled back; when {@code false} the registry's step throws
     * {@link IrreversibleMigrationException} from {@code down}.
     */
    public boolean reversible() {
        return reversible;
    }

    /** Whether it runs inside a transaction with its history row. */
    public boolean transactional() {
        return transactional;
    }

    /**
     * The compile-time checksum of the migration's source, prefixed with the algorithm's tag, such
     * as {@code "src1:3f2a..."}.
     */
    public String checksum() {
        return checksum;
    }

    /** The migration class's canonical name, for messages. */
    public String className() {
        return className;
    }

    /** A new instance of the migration's step. */
    public JavaMigration newStep() {
        return steps.get();
    }

    /** How messages name this migration: {@code 3 "Promote timeout" (com.example.PromoteTimeout)}. */
    public String displayName() {
        return version + " \"" + description + "\" (" + className + ")";
    }

    @Override
    public String toString() {
        return displayName();
    }

    /**
     * Describes one migration; every method but {@link #build()} may be left out and has the
     * default of {@code @Migration}.
     */
    public static final class Builder {

        private final MigrationVersion version;
        private final String className;
        private String description = "";
        private final List<MigrationVersion> dependsOn = new ArrayList<>();
        private boolean reversible = true;
        private boolean transactional = true;
        private String checksum;
        private Supplier<? extends JavaMigration> steps;

        private Builder(MigrationVersion version, String className) {
            this.version = version;
            this.className = className;
        }

        /** What the migration does, for humans; default empty. */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /** Adds versions that must be applied first. */
        public Builder dependsOn(String... versions) {
            for (String v : versions) {
                dependsOn.add(MigrationVersion.parse(v));
            }
            return this;
        }

        /** Whether the migration can be rolled back; default {@code true}. */
        public Builder reversible(boolean reversible) {
            this.reversible = reversible;
            return this;
        }

        /** Whether the migration runs in a transaction; default {@code true}. */
        public Builder transactional(boolean transactional) {
            this.transactional = transactional;
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

        /** The descriptor. */
        public MigrationDescriptor build() {
            return new MigrationDescriptor(this);
        }
    }
}
