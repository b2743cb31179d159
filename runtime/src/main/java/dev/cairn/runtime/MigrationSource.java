package dev.cairn.runtime;

import java.util.List;
import java.util.Optional;

/**
 * A set of migrations in plan order. The generated {@code MigrationRegistry} is one, and is
 * listed in {@code META-INF/services/dev.cairn.runtime.MigrationSource} so that tools such as
 * the CLI find it on a classpath.
 */
public interface MigrationSource {

    /**
     * The migrations in plan order: every migration comes after all of its dependencies,
     * ties broken by version.
     */
    List<MigrationDescriptor> migrations();

    /**
     * The repeatable migrations, in any order (they run in name order, after the versioned ones).
     * Empty by default. Their checksums count in {@link #fingerprint()}: a changed repeatable
     * migration is a changed plan.
     */
    default List<RepeatableMigration> repeatables() {
        return List.of();
    }

    /**
     * A short text that changes whenever a version or a checksum of {@link #migrations()} or of
     * {@link #repeatables()} does, known without building the descriptors. It lets
     * {@link Migrator#migrate()} learn that a database is up to date by reading one row. Empty
     * (the default) makes the runtime compute one from {@link #migrations()} and
     * {@link #repeatables()}.
     */
    default Optional<String> fingerprint() {
        return Optional.empty();
    }
}
