package dev.cairn.test;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;

/**
 * One run of a {@link CairnTest @CairnTest} method, on one kind of database: resolves
 * {@link TestDatabase} parameters to a database created on first use, and drops it after the run.
 */
final class DatabaseInvocation implements TestTemplateInvocationContext, ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DatabaseInvocation.class);

    private final DatabaseKind kind;

    DatabaseInvocation(DatabaseKind kind) {
        this.kind = kind;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
        return kind.displayName();
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
        return List.of(this);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public TestDatabase resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // Kept in the run's store, so that @BeforeEach, the test and @AfterEach share one database.
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(kind, TestDatabase::create, TestDatabase.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        // Closed here rather than by the store, which closes AutoCloseable values only from JUnit 5.13 on.
        TestDatabase database = context.getStore(NAMESPACE).remove(kind, TestDatabase.class);
        if (database != null) {
            database.close();
        }
    }
}
