package dev.cairn.processor.model;

/**
 * Names of the runtime's types that the processor checks migrations against. The processor
 * does not depend on the runtime: it finds these types on the compilation's classpath.
 */
public final class RuntimeTypes {

    /** What every migration implements. */
    public static final String JAVA_MIGRATION = "dev.cairn.runtime.JavaMigration";

    private RuntimeTypes() {
    }
}
