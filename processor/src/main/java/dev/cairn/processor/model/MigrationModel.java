package dev.cairn.processor.model;

import dev.cairn.MigrationVersion;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * One versioned migration as declared: a {@code @Migration} class, or a {@code V<version>__...sql}
 * file of an {@code @SqlMigrations} directory. Read once; holds no judgement: validators decide
 * what is wrong with it.
 *
 * @param element the annotated class, or for an SQL file the element annotated {@code @SqlMigrations}
 * @param annotation its {@code @Migration} annotation, or that {@code @SqlMigrations}
 * @param className the canonical name, such as {@code com.example.db.Outer.AddUsers}, or the
 *     SQL file's classpath path, such as {@code db/migration/V2__add_users.sql}
 * @param versionText the version as written
 * @param version the parsed version, empty if {@code versionText} is not a version
 * @param versionLocus where findings about the version point
 * @param description the description, derived from the class or file name when not given
 * @param dependencies the {@code dependsOn} entries in the order written
 * @param reversible whether the migration is declared reversible
 * @param reversibleLocus where findings about the rollback point
 * @param transactional whether the migration runs in a transaction
 * @param implementsDown whether the class has a concrete {@code down} of its own, inherited, or
 *     a default method of an interface it implements other than {@code JavaMigration} (for a data
 *     migration, whose {@code down} is final: an override of {@code backward}); for an SQL file,
 *     whether it has an undo file
 * @param suppressions the warnings silenced for the whole migration: {@code "cairn"} for all of
 *     them, {@code "cairn.<Key>"} for one, such as {@code "cairn.LaterDependency"}
 * @param checksum the checksum of the class's normalized source or of the file, with its algorithm tag
 * @param script the SQL files of a file migration, empty for a class
 */
public record MigrationModel(
        Element element,
        AnnotationMirror annotation,
        String className,
        String versionText,
        Optional<MigrationVersion> version,
        Locus versionLocus,
        String description,
        List<Dependency> dependencies,
        boolean reversible,
        Locus reversibleLocus,
        boolean transactional,
        boolean implementsDown,
        Set<String> suppressions,
        String checksum,
        Optional<SqlScript> script) {

    /** The suppression that silences every Cairn warning. */
    public static final String ALL_WARNINGS = "cairn";

    public MigrationModel {
        dependencies = List.copyOf(dependencies);
        suppressions = Set.copyOf(suppressions);
    }

    /** How messages name the migration: {@code 3 (com.example.db.AddUsers)}. */
    public String displayName() {
        return versionText + " (" + className + ")";
    }

    /** The parsed version; only call after version syntax was validated. */
    public MigrationVersion requireVersion() {
        return version.orElseThrow(() -> new IllegalStateException("invalid version of " + className));
    }

    /** Whether it is a class rather than an SQL file. */
    public boolean isClass() {
        return script.isEmpty();
    }

    /** The migration class; only call for a class. */
    public TypeElement type() {
        if (!isClass()) {
            throw new IllegalStateException(className + " is an SQL file, not a class");
        }
        return (TypeElement) element;
    }

    /** Whether the warning with {@code key} (such as {@code "LaterDependency"}) is silenced for the whole migration. */
    public boolean suppresses(String key) {
        return suppressions.contains(ALL_WARNINGS) || suppressions.contains(ALL_WARNINGS + "." + key);
    }

    /**
     * One entry of {@code dependsOn}.
     *
     * @param text the version as written
     * @param version the parsed version, empty if {@code text} is not a version
     * @param locus where findings about it point: its array entry, or its line of an SQL header
     */
    public record Dependency(String text, Optional<MigrationVersion> version, Locus locus) {
    }
}
