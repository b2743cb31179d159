package dev.cairn.bench.workload;

import java.nio.file.Path;

/**
 * The generated files of one size: N trivial DDL migrations, the same statements for every tool
 * ({@link #statement}), each tool's in its own jar, as a deployed application has them.
 *
 * @param size the number of migrations
 * @param directory where the sources, classes and jars are
 */
public record Workload(int size, Path directory) {

    /** The registry class of the Java migrations. */
    public static final String JAVA_REGISTRY = "bench.migrations.MigrationRegistry";
    /** The registry class of the SQL-file migrations. */
    public static final String SQL_REGISTRY = "bench.sqlfiles.MigrationRegistry";

    /** Migration {@code version}'s one statement, from 1. */
    public static String statement(int version) {
        return "CREATE TABLE " + table(version) + " (id INTEGER PRIMARY KEY, name VARCHAR(100))";
    }

    static String table(int version) {
        return String.format("t_%05d", version);
    }

    /** The jar of one tool's migrations: cairn-java, cairn-sql, flyway, liquibase or floor. */
    public Path jar(String tool) {
        return directory.resolve(tool + ".jar");
    }

    /** The Java migration sources, which the compile scenario compiles again. */
    public Path javaSources() {
        return directory.resolve("cairn-java/src");
    }
}
