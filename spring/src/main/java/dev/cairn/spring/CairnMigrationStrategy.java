package dev.cairn.spring;

import dev.cairn.runtime.Migrator;

/**
 * What Cairn does with the application's database at startup. By default it migrates, up to
 * {@code cairn.target} when that is set; a bean of this type replaces that, for instance to only
 * validate in production:
 *
 * <pre>{@code
 * @Bean
 * CairnMigrationStrategy validateOnly() {
 *     return migrator -> {
 *         ValidationReport report = migrator.validate();
 *         if (!report.isValid()) {
 *             throw new IllegalStateException(report.summary());
 *         }
 *     };
 * }
 * }</pre>
 *
 * <p>It runs before any bean that uses the database is created, and an exception it throws stops
 * the application.
 */
@FunctionalInterface
public interface CairnMigrationStrategy {

    /** Brings the database where the application needs it, with the configured {@code migrator}. */
    void migrate(Migrator migrator);
}
