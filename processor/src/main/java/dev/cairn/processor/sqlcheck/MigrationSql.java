package dev.cairn.processor.sqlcheck;

import dev.cairn.processor.model.Locus;
import dev.cairn.processor.model.MigrationModel;
import dev.cairn.processor.report.TreeSpot;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * The SQL of one migration as the compile-time checks see it.
 *
 * @param migration the migration
 * @param statements its statements in order: all of an SQL file's, or the constant SQL a class
 *     passes to {@code execute}
 * @param notReplayable why a replay cannot follow the migration faithfully (a class with logic
 *     or SQL that is not constant), empty when it can
 */
record MigrationSql(MigrationModel migration, List<Statement> statements, Optional<String> notReplayable) {

    /**
     * One statement.
     *
     * @param text its text, without the {@code ;} that ends it
     * @param number its number in the migration, from 1
     * @param site where it is
     * @param allowed the warnings silenced for it alone ({@code -- cairn:allow} in a file)
     */
    record Statement(String text, int number, Site site, Set<String> allowed) {
    }

    /** Where a statement is: a line of an SQL file, or an {@code execute} call in a class. */
    sealed interface Site {
        /**
         * On a line of an SQL file, reported on the {@code @SqlMigrations} annotation.
         *
         * @param element the annotated element
         * @param annotation the annotation
         * @param locus the file and line
         */
        record InFile(Element element, AnnotationMirror annotation, Locus locus) implements Site {
        }

        /** At the {@code execute} call in a class's source. */
        record InSource(TreeSpot spot) implements Site {
        }
    }
}
