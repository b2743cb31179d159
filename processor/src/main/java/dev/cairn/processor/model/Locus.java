package dev.cairn.processor.model;

import java.util.Optional;
import javax.lang.model.element.AnnotationValue;

/**
 * Where a finding about one part of a migration points. Messager can only point at elements, so
 * a finding in an SQL file is printed on the {@code @SqlMigrations} annotation and starts with the
 * file and line, {@code db/migration/V3__add_index.sql:2: }; a finding about a class points at the
 * annotation value that is wrong.
 *
 * @param value the annotation value to underline, if any
 * @param prefix the text the message starts with: the file and line, or nothing for a class
 */
public record Locus(Optional<AnnotationValue> value, String prefix) {

    /** On an annotation value of a class (the annotation as a whole when {@code value} is null). */
    public static Locus of(AnnotationValue value) {
        return new Locus(Optional.ofNullable(value), "");
    }

    /**
     * On a line of an SQL file.
     *
     * @param resource the file's classpath path, such as {@code db/migration/V3__add_index.sql}
     * @param line from 1
     * @param directory the {@code @SqlMigrations} value naming the directory, if written
     */
    public static Locus inFile(String resource, int line, Optional<AnnotationValue> directory) {
        return new Locus(directory, resource + ":" + line + ": ");
    }
}
