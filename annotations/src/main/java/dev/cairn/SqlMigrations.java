package dev.cairn;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Adds a directory of SQL migration files, named as Flyway names them, to the compilation's
 * migrations: {@code V<version>__<description>.sql}, {@code U<version>__<description>.sql} (the
 * undo of that version) and {@code R__<name>.sql} (repeatable). The Cairn processor reads them at
 * compile time into the same graph as the {@code @Migration} classes, checks them and lists them in
 * the generated {@code MigrationRegistry}; at run time each file is loaded from the classpath.
 *
 * <p>Put it on a package, in {@code package-info.java}, or on a class. The directory is found
 * relative to the module's resources directory, the {@code resources} directory next to the
 * source root of the annotated file ({@code src/main/resources} for {@code src/main/java}, as in
 * Maven and Gradle), or below the directory named by the processor option
 * {@code -Acairn.resources=<directory>}.
 *
 * <pre>{@code
 * @SqlMigrations(value = "db/migration", database = SqlMigrations.Database.POSTGRESQL)
 * package com.example.db;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PACKAGE, ElementType.TYPE})
public @interface SqlMigrations {

    /** The directory's path on the classpath, such as {@code "db/migration"} (Flyway's default). */
    String value() default "db/migration";

    /** The database the files are written for, which decides how they are read and checked. */
    Database database();

    /** The databases whose SQL the processor reads and checks. */
    enum Database {
        /** SQLite: every migration is replayed on an in-memory SQLite database at compile time. */
        SQLITE,
        /** PostgreSQL: statements are parsed at compile time and linted for changes that lock or rewrite tables. */
        POSTGRESQL
    }
}
