package dev.cairn.processor.report;

import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * One finding, positioned as precisely as the compiler allows: on an element, on its
 * {@code @Migration} annotation, and on the annotation value that is wrong, so that the IDE
 * underlines that value.
 */
public record Diagnostic(
        Message message,
        String text,
        Optional<Element> element,
        Optional<AnnotationMirror> annotation,
        Optional<AnnotationValue> value) {

    /** A finding with no position, such as a bad processor option. */
    public static Diagnostic global(Message message, Object... args) {
        return new Diagnostic(message, message.format(args), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
