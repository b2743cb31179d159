package dev.cairn.processor.model;

import java.util.Optional;
import javax.lang.model.element.AnnotationValue;

/**
 * One SQL migration file as read at compile time.
 *
 * @param resource its classpath path, such as {@code db/migration/V2__add_users.sql}
 * @param text its content
 * @param checksum its {@code sql1:} checksum
 * @param directoryValue the {@code @SqlMigrations} value that names its directory, if written,
 *     for findings to underline
 */
public record SqlFile(String resource, String text, String checksum, Optional<AnnotationValue> directoryValue) {

    /** A position on one of its lines. */
    public Locus line(int line) {
        return Locus.inFile(resource, line, directoryValue);
    }
}
