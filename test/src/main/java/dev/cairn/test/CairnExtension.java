package dev.cairn.test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/** Turns a {@link CairnTest @CairnTest} method into one run per database it names. */
final class CairnExtension implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().flatMap(method -> AnnotationSupport.findAnnotation(method, CairnTest.class))
                .isPresent();
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        DatabaseKind[] kinds = AnnotationSupport.findAnnotation(method, CairnTest.class).orElseThrow().databases();
        if (kinds.length == 0) {
            // JUnit's own message for a template without runs would not say which attribute to fix.
            throw new ExtensionConfigurationException("@CairnTest on " + method.getDeclaringClass().getName() + "."
                    + method.getName() + "() names no database: list at least one in databases, or leave databases"
                    + " out to run on every database.");
        }
        return Arrays.stream(kinds).distinct().map(DatabaseInvocation::new);
    }
}
