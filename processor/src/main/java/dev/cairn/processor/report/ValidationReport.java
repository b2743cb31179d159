package dev.cairn.processor.report;

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

    private final List<Diagnostic> items = new ArrayList<>();

    /** Adds a finding on an element, its annotation and (if not null) the offending value. */
    public void report(Message message, Element element, AnnotationMirror annotation,
                       AnnotationValue value, Object... args) {
        items.add(new Diagnostic(message, message.format(args), Optional.of(element),
                Optional.ofNullable(annotation), Optional.ofNullable(value)));
    }

    /** Adds a finding with no position. */
    public void report(Diagnostic diagnostic) {
        items.add(diagnostic);
    }

    /** Whether nothing stops generation: there are no errors (warnings are fine). */
    public boolean isClean() {
        return items.stream().noneMatch(item -> item.message().kind() == Kind.ERROR);
    }

    /** The findings in the order they were made. */
    public List<Diagnostic> items() {
        return List.copyOf(items);
    }

    /** Prints every finding through the compiler, each on its most precise position. */
    public void printTo(Messager messager) {
        for (Diagnostic item : items) {
            Kind kind = item.message().kind();
            if (item.element().isEmpty()) {
                messager.printMessage(kind, item.text());
            } else if (item.annotation().isEmpty()) {
                messager.printMessage(kind, item.text(), item.element().get());
            } else if (item.value().isEmpty()) {
                messager.printMessage(kind, item.text(), item.element().get(), item.annotation().get());
            } else {
                messager.printMessage(kind, item.text(), item.element().get(), item.annotation().get(),
                        item.value().get());
            }
        }
    }
}
