package dev.cairn.spring;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what Spring Boot logs when an application fails to start, for the tests to read. */
public final class StartupFailureLog extends AppenderBase<ILoggingEvent> {

    private static final List<String> MESSAGES = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
        MESSAGES.add(event.getFormattedMessage());
    }

    /** Everything logged since the last call, and forgets it. */
    static String drain() {
        String text = String.join("\n", MESSAGES);
        MESSAGES.clear();
        return text;
    }
}
