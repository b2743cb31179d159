package dev.cairn.maven;

import dev.cairn.runtime.Migrator;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.apache.maven.plugin.logging.Log;

/**
 * Sends the runtime's log ({@link Migrator#LOGGER_NAME}, through {@code java.util.logging}, where
 * {@link System.Logger} goes by default) to the goal's Maven log while a goal runs, instead of
 * {@code java.util.logging}'s two-line records on stderr. Counted, so that goals running at once
 * in a parallel build share one handler and the last to finish restores the logger.
 */
final class RuntimeLog implements AutoCloseable {

    private static final Logger LOGGER = Logger.getLogger(Migrator.LOGGER_NAME);
    private static int users;
    private static Handler handler;
    private static boolean usedParentHandlers;

    private RuntimeLog() {
    }

    /** Starts sending the runtime's records to {@code log}; close to stop. */
    static synchronized RuntimeLog to(Log log) {
        if (users++ == 0) {
            handler = new MavenHandler(log);
            usedParentHandlers = LOGGER.getUseParentHandlers();
            LOGGER.setUseParentHandlers(false);
            LOGGER.addHandler(handler);
        }
        return new RuntimeLog();
    }

    @Override
    public void close() {
        synchronized (RuntimeLog.class) {
            if (--users == 0) {
                LOGGER.removeHandler(handler);
                LOGGER.setUseParentHandlers(usedParentHandlers);
                handler = null;
            }
        }
    }

    /** Warnings as Maven warnings, the rest as info (each migration as it is applied, waits for a lock). */
    private static final class MavenHandler extends Handler {
        private final Log log;
        private final SimpleFormatter formatter = new SimpleFormatter();

        MavenHandler(Log log) {
            this.log = log;
        }

        @Override
        public void publish(LogRecord record) {
            String message = formatter.formatMessage(record);
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                log.warn(message);
            } else if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                log.info(message);
            } else {
                log.debug(message);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
