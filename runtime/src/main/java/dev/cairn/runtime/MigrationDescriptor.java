package dev.cairn.runtime;

import dev.cairn.MigrationVersion;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything the runtime knows about one migration, fixed at compile time by the generated
 * registry.
 *
 * @param version the migration's identity
 * @param description what it does, for humans
 * @param dependsOn the versions that must be applied before it
 * @param reversible whether it can be rolled back; when {@code false} the registry's step
 *     throws {@link IrreversibleMigrationException} from {@code down}
 * @param transactional whether it runs inside a transaction with its history row
 * @param checksum the compile-time checksum of the migration's source, prefixed with the
 *     algorithm's tag, such as {@code "src1:3f2a..."}
 * @param className the migration class's canonical name, for messages
 * @param factory creates the step to run
 */
public record MigrationDescriptor(
        MigrationVersion version,
        String description,
        List<MigrationVersion> dependsOn,
        boolean reversible,
        boolean transactional,
        String checksum,
        String className,
        Supplier<? extends JavaMigration> factory) {

    public MigrationDescriptor {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        dependsOn = List.copyOf(dependsOn);
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(factory, "factory");
    }

    /** A new instance of the migration's step. */
    public JavaMigration newStep() {
        return factory.get();
    }

    /** How messages name this migration: {@code 3 "Promote timeout" (com.example.PromoteTimeout)}. */
    public String displayName() {
        return version + " \"" + description + "\" (" + className + ")";
    }

    @Override
    public String toString() {
        return displayName();
    }
}
