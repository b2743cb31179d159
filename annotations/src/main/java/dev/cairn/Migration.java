package dev.cairn;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a class as a database migration.
 *
 * <p>The annotated class implements {@code dev.cairn.runtime.JavaMigration}. At compile time the
 * Cairn processor checks every migration of the compilation as one dependency graph (versions,
 * dependencies, cycles, rollbacks) and generates a {@code MigrationRegistry} that applies them in
 * plan order. Mistakes are compile errors on this annotation.
 *
 * <pre>{@code
 * @Migration(version = "3", dependsOn = "2", description = "Promote timeout_seconds to a column")
 * final class PromoteTimeout implements JavaMigration { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Migration {

    /**
     * The migration's identity: dot-separated non-negative integers such as {@code "3"},
     * {@code "2.1"} or {@code "2024.01.27.1"}, compared numerically segment by segment.
     * See {@link MigrationVersion}.
     */
    String version();

    /** What the migration does, for humans; empty means derived from the class name. */
    String description() default "";

    /** Versions that must be applied before this one. Empty means no prerequisite. */
    String[] dependsOn() default {};

    /** Whether the migration can be rolled back; {@code true} requires a {@code down} method. */
    boolean reversible() default true;

    /**
     * Whether the migration runs inside a transaction together with its history row. Set to
     * {@code false} only for statements a database refuses to run in a transaction, such as
     * PostgreSQL's {@code CREATE INDEX CONCURRENTLY}.
     */
    boolean transactional() default true;
}
