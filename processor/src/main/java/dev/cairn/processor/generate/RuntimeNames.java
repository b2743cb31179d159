package dev.cairn.processor.generate;

import com.palantir.javapoet.ClassName;

/** The types generated code refers to. */
final class RuntimeNames {

    private static final String RUNTIME = "dev.cairn.runtime";
    static final ClassName GENERATED_REGISTRY = ClassName.get(RUNTIME + ".registry", "GeneratedRegistry");
    static final ClassName MIGRATION_SOURCE = ClassName.get(RUNTIME, "MigrationSource");
    static final ClassName DESCRIPTOR = ClassName.get(RUNTIME, "MigrationDescriptor");
    static final ClassName DESCRIPTOR_BUILDER = DESCRIPTOR.nestedClass("Builder");
    static final ClassName SQL_MIGRATIONS = ClassName.get(RUNTIME + ".registry", "SqlMigrations");
    static final ClassName REPEATABLE = ClassName.get(RUNTIME, "RepeatableMigration");
    static final ClassName REPEATABLE_BUILDER = REPEATABLE.nestedClass("Builder");
    static final ClassName JAVA_MIGRATION = ClassName.get(RUNTIME, "JavaMigration");
    static final ClassName CONTEXT = ClassName.get(RUNTIME, "MigrationContext");
    static final ClassName IRREVERSIBLE = ClassName.get(RUNTIME, "IrreversibleMigrationException");
    static final ClassName MIGRATOR = ClassName.get(RUNTIME, "Migrator");
    static final ClassName REPORT = ClassName.get(RUNTIME, "MigrationReport");
    static final ClassName DATA_SOURCE = ClassName.get("javax.sql", "DataSource");
    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    private RuntimeNames() {
    }
}
