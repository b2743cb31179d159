package dev.cairn.processor.sqlfile;

import dev.cairn.SqlMigrations;
import dev.cairn.processor.model.Locus;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.QualifiedNameable;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * One {@code @SqlMigrations} annotation as written.
 *
 * @param element the annotated package or class
 * @param mirror the annotation
 * @param location the directory's classpath path, without a {@code classpath:} prefix or slashes at its ends
 * @param locationValue the {@code value} as written, if it is, for findings to underline
 * @param database the database the files are written for
 */
public record SqlAnnotation(Element element, AnnotationMirror mirror, String location,
                            Optional<AnnotationValue> locationValue, SqlMigrations.Database database) {

    private static final String CLASSPATH_PREFIX = "classpath:";

    /**
     * Reads the annotation of {@code element}, or returns empty if it does not compile (such as a
     * missing {@code database}): javac reports that itself.
     */
    public static Optional<SqlAnnotation> of(Element element, Elements elements) {
        String name = SqlMigrations.class.getCanonicalName();
        Optional<? extends AnnotationMirror> mirror = element.getAnnotationMirrors().stream()
                .filter(candidate -> candidate.getAnnotationType().toString().equals(name)).findFirst();
        if (mirror.isEmpty()) {
            return Optional.empty();
        }
        Map<String, AnnotationValue> values = new HashMap<>();
        elements.getElementValuesWithDefaults(mirror.get())
                .forEach((method, value) -> values.put(method.getSimpleName().toString(), value));
        if (!(values.get("value") != null && values.get("value").getValue() instanceof String location)
                || !(values.get("database") != null && values.get("database").getValue() instanceof VariableElement database)) {
            return Optional.empty();
        }
        Optional<AnnotationValue> written = mirror.get().getElementValues().entrySet().stream()
                .filter(entry -> entry.getKey().getSimpleName().contentEquals("value"))
                .<AnnotationValue>map(Map.Entry::getValue).findFirst();
        String trimmed = location.strip();
        if (trimmed.startsWith(CLASSPATH_PREFIX)) {
            trimmed = trimmed.substring(CLASSPATH_PREFIX.length());
        }
        trimmed = trimmed.replaceAll("^/+|/+$", "");
        return Optional.of(new SqlAnnotation(element, mirror.get(), trimmed, written,
                SqlMigrations.Database.valueOf(database.getSimpleName().toString())));
    }

    /** Whether the location is a relative path of plain names, which a classpath resource can have. */
    public boolean locationIsValid() {
        return !location.isEmpty() && !location.contains("\\")
                && Arrays.stream(location.split("/")).noneMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."));
    }

    /** Where findings about the directory point: the {@code value}, or the annotation as a whole. */
    public Locus locationLocus() {
        return new Locus(locationValue, "");
    }

    /** How messages name the annotated element: {@code package com.example.db} or {@code class com.example.Db}. */
    public String elementName() {
        String kind = element instanceof PackageElement ? "package " : "class ";
        return kind + (element instanceof QualifiedNameable named ? named.getQualifiedName() : element.getSimpleName());
    }
}
