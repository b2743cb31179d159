package dev.cairn.http.console;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link Browser}: one headless Chromium for the whole test run (starting one takes a
 * second or two), closed by JUnit when the run ends. Each test opens its own server's page, so
 * nothing a page keeps (its session storage) carries over: each server has its own origin.
 */
final class ChromiumExtension implements ParameterResolver {

    /** Where the browser tests write their logs and screenshots. */
    static final Path OUTPUT = Path.of("target", "console-screenshots");

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(ChromiumExtension.class))
                .getOrComputeIfAbsent(Browser.class, type -> Browser.start(Path.of("target")), Browser.class);
    }
}
