package dev.cairn.processor.report;

import java.util.Optional;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * One diagnostic, positioned as precisely as the compiler allows: on an element, on its
 * {@code @Migration} annotation, and on the annotation value that is wrong, so that the IDE
 * underlines that value; or at a place in a method body, through javac's trees.
 */
public record Finding(
        Message message,
        String text,
        Optional<Element> element,
        Optional<AnnotationMirror> annotation,
        Optional<AnnotationValue> value,
        Optional<TreeSpot> spot) {

    /** A finding with no position, such as a bad processor option. */
    public static Finding global(Message message, Object... args) {
        return new Finding(message, message.format(args), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** A finding on an element as a whole, such as a class. */
    public static Finding on(Element element, Message message, Object... args) {
        return new Finding(message, message.format(args), Optional.of(element), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** A finding at a place in a method body, such as the {@code execute} call whose SQL it is about. */
    public static Finding at(TreeSpot spot, Message message, String text) {
        return new Finding(message, text, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(spot));
    }

    /** Prints the finding through the compiler on its most precise position. */
    public void printTo(Messager messager) {
        if (spot.isPresent()) {
            spot.get().print(message.kind(), text);
        } else if (element.isEmpty()) {
            messager.printMessage(message.kind(), text);
        } else if (annotation.isEmpty()) {
            messager.printMessage(message.kind(), text, element.get());
        } else if (value.isEmpty()) {
            messager.printMessage(message.kind(), text, element.get(), annotation.get());
        } else {
            messager.printMessage(message.kind(), text, element.get(), annotation.get(), value.get());
        }
    }
}
