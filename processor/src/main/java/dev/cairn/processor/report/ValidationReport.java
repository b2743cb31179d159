package dev.cairn.processor.report;

import dev.cairn.processor.model.Locus;
import dev.cairn.processor.model.MigrationModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * Everything found wrong with one compilation's migrations. Checks add to it; the processor
 * prints it once and generates code only when {@link #isClean()}.
 */
public final class ValidationReport {

    private final List<Finding> findings = new ArrayList<>();

    /** Adds a finding on an element, its annotation (if not null) and the offending value (if not null). */
    public void report(Message message, Element element, AnnotationMirror annotation,
                       AnnotationValue value, Object... args) {
        findings.add(new Finding(message, message.format(args), Optional.of(element),
                Optional.ofNullable(annotation), Optional.ofNullable(value), Optional.empty()));
    }

    /** Adds a finding on a migration, at {@code locus}: an annotation value, or a line of its SQL file. */
    public void report(Message message, MigrationModel migration, Locus locus, Object... args) {
        reportAt(message, migration.element(), migration.annotation(), locus, args);
    }

    /** Adds a finding on an annotated element at {@code locus}. */
    public void reportAt(Message message, Element element, AnnotationMirror annotation, Locus locus, Object... args) {
        findings.add(new Finding(message, locus.prefix() + message.format(args), Optional.of(element),
                Optional.of(annotation), locus.value(), Optional.empty()));
    }

    /** Adds a finding made elsewhere. */
    public void report(Finding finding) {
        findings.add(finding);
    }

    /** Whether nothing stops generation: there are no errors (warnings are fine). */
    public boolean isClean() {
        return findings.stream().noneMatch(finding -> finding.message().kind() == Kind.ERROR);
    }

    /** Prints every finding through the compiler, in the order they were made. */
    public void printTo(Messager messager) {
        findings.forEach(finding -> finding.printTo(messager));
    }
}
