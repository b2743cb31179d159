package dev.cairn.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import java.util.List;

/** The types generated code refers to. */
final class RuntimeNames {

    private static final String RUNTIME = "dev.cairn.runtime";
    static final ClassName VERSION = ClassName.get("dev.cairn", "MigrationVersion");
    static final ClassName DESCRIPTOR = ClassName.get(RUNTIME, "MigrationDescriptor");
    static final ClassName SOURCE = ClassName.get(RUNTIME, "MigrationSource");
    static final ClassName JAVA_MIGRATION = ClassName.get(RUNTIME, "JavaMigration");
    static final ClassName CONTEXT = ClassName.get(RUNTIME, "MigrationContext");
    static final ClassName IRREVERSIBLE = ClassName.get(RUNTIME, "IrreversibleMigrationException");
    static final ClassName MIGRATOR = ClassName.get(RUNTIME, "Migrator");
    static final ClassName REPORT = ClassName.get(RUNTIME, "MigrationReport");
    static final ClassName DATA_SOURCE = ClassName.get("javax.sql", "DataSource");
    static final ClassName LIST = ClassName.get(List.class);
    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    static final ParameterizedTypeName DESCRIPTOR_LIST = ParameterizedTypeName.get(LIST, DESCRIPTOR);

    private RuntimeNames() {
    }
}
