package dev.cairn.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * A repeatable SQL migration, {@code R__<name>.sql}: run after the versioned migrations, in name
 * order, whenever its checksum changed. It is not part of the dependency graph.
 *
 * @param element the element annotated {@code @SqlMigrations}
 * @param annotation that annotation
 * @param name the name from the file name, such as {@code create_views}
 * @param description the name with {@code _} as spaces
 * @param file the file
 */
public record RepeatableModel(Element element, AnnotationMirror annotation, String name, String description, SqlFile file) {
}
