package dev.cairn.spring;

import dev.cairn.runtime.MigrationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Shows a {@link MigrationException} that stopped the application as Cairn wrote it, instead of
 * at the bottom of a bean-creation stack trace: the description is Cairn's message, which says
 * what failed and what happened to the database, and the action is the advice it ends with.
 * Registered in {@code META-INF/spring.factories}.
 */
public final class CairnFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
        return new FailureAnalysis(cause.getMessage(), action(cause), cause);
    }

    /**
     * Cairn's messages end with what to do, on a line of its own when the message has several;
     * the action repeats it, and says which kind of error it is.
     */
    private static String action(MigrationException cause) {
        String message = cause.getMessage() == null ? "" : cause.getMessage().strip();
        int lastLine = message.lastIndexOf('\n');
        String advice = lastLine < 0 ? "Do what the description above says" : message.substring(lastLine + 1).strip();
        return advice + (advice.endsWith(".") ? "" : ".") + " Then start the application again (Cairn error "
                + cause.code() + ").";
    }
}
