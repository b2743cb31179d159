package dev.cairn.processor.model;

import dev.cairn.MigrationVersion;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @Migration} class as declared, read once from the compiler's elements. Holds no
 * judgement: validators decide what is wrong with it.
 *
 * @param element the annotated class
 * @param annotation its {@code @Migration} annotation
 * @param className the canonical name, such as {@code com.example.db.Outer.AddUsers}
 * @param versionText the version as written
 * @param version the parsed version, empty if {@code versionText} is not a version
 * @param versionValue the annotation value of {@code version}, for positioning errors
 * @param description the description, derived from the class name when not given
 * @param dependencies the {@code dependsOn} entries in the order written
 * @param reversible whether the migration is declared reversible
 * @param reversibleValue the explicit {@code reversible} value, or empty when defaulted
 * @param transactional whether the migration runs in a transaction
 * @param implementsDown whether the class has a concrete {@code down} of its own, inherited, or
 *     a default method of an interface it implements other than {@code JavaMigration}
 * @param warningsSuppressed whether the class carries {@code @SuppressWarnings("cairn")}
 * @param checksum the checksum of the class's normalized source, with its algorithm tag
 */
public record MigrationModel(
        TypeElement element,
        AnnotationMirror annotation,
        String className,
        String versionText,
        Optional<MigrationVersion> version,
        AnnotationValue versionValue,
        String description,
        List<Dependency> dependencies,
        boolean reversible,
        Optional<AnnotationValue> reversibleValue,
        boolean transactional,
        boolean implementsDown,
        boolean warningsSuppressed,
        String checksum) {

    public MigrationModel {
        dependencies = List.copyOf(dependencies);
    }

    /** How messages name the migration: {@code 3 (com.example.db.AddUsers)}. */
    public String displayName() {
        return versionText + " (" + className + ")";
    }

    /** The parsed version; only call after version syntax was validated. */
    public MigrationVersion requireVersion() {
        return version.orElseThrow(() -> new IllegalStateException("invalid version of " + className));
    }

    /**
     * One entry of {@code dependsOn}.
     *
     * @param text the version as written
     * @param version the parsed version, empty if {@code text} is not a version
     * @param value the array entry, so that an error underlines this entry's line
     */
    public record Dependency(String text, Optional<MigrationVersion> version, AnnotationValue value) {
    }
}
