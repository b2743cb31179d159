package dev.cairn.runtime;

import java.util.List;

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
}
