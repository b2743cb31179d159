package dev.cairn.processor;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Runs the processor inside environments wrapped the way build tools wrap javac's. */
final class WrappedEnvironments {

    private WrappedEnvironments() {
    }

    /** Like Gradle's incremental processing: the wrapper keeps javac's environment in a field. */
    static Processor gradleLike() {
        return new Wrapping(GradleLike::new);
    }

    /** A wrapper that does not reveal javac's environment, as a compiler without the tree API. */
    static Processor opaque() {
        return new Wrapping(env -> new Opaque(() -> env));
    }

    private static final class GradleLike extends Forwarding {
        private final ProcessingEnvironment delegate;

        GradleLike(ProcessingEnvironment delegate) {
            this.delegate = delegate;
        }

        @Override
        ProcessingEnvironment target() {
            return delegate;
        }
    }

    private static final class Opaque extends Forwarding {
        private final Supplier<ProcessingEnvironment> hidden;

        Opaque(Supplier<ProcessingEnvironment> hidden) {
            this.hidden = hidden;
        }

        @Override
        ProcessingEnvironment target() {
            return hidden.get();
        }
    }

    private abstract static class Forwarding implements ProcessingEnvironment {
        abstract ProcessingEnvironment target();

        @Override
        public Map<String, String> getOptions() {
            return target().getOptions();
        }

        @Override
        public Messager getMessager() {
            return target().getMessager();
        }

        @Override
        public Filer getFiler() {
            return target().getFiler();
        }

        @Override
        public Elements getElementUtils() {
            return target().getElementUtils();
        }

        @Override
        public Types getTypeUtils() {
            return target().getTypeUtils();
        }

        @Override
        public SourceVersion getSourceVersion() {
            return target().getSourceVersion();
        }

        @Override
        public Locale getLocale() {
            return target().getLocale();
        }
    }

    /** The Cairn processor, initialized with a wrapped environment. */
    private static final class Wrapping implements Processor {
        private final MigrationProcessor processor = new MigrationProcessor();
        private final Function<ProcessingEnvironment, ProcessingEnvironment> wrap;

        Wrapping(Function<ProcessingEnvironment, ProcessingEnvironment> wrap) {
            this.wrap = wrap;
        }

        @Override
        public Set<String> getSupportedOptions() {
            return processor.getSupportedOptions();
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return processor.getSupportedAnnotationTypes();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return processor.getSupportedSourceVersion();
        }

        @Override
        public void init(ProcessingEnvironment env) {
            processor.init(wrap.apply(env));
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            return processor.process(annotations, round);
        }

        @Override
        public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
                                                             ExecutableElement member, String userText) {
            return processor.getCompletions(element, annotation, member, userText);
        }
    }
}
