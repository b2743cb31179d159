package dev.cairn.http.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The log records of a logger and the loggers below it (System.Logger goes to java.util.logging),
 * every level, while the capture is open: for tests whose point is what is logged.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final Level level;
    private final List<LogRecord> records = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    private LogCapture(Logger logger) {
        this.logger = logger;
        this.level = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(this);
    }

    public static LogCapture of(String loggerName) {
        return new LogCapture(Logger.getLogger(loggerName));
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
    }

    /** The messages logged at {@code level}, formatted, in order. */
    public synchronized List<String> messages(Level level) {
        return records.stream().filter(r -> r.getLevel().equals(level)).map(formatter::formatMessage).toList();
    }

    /** Every record as the console would print it, with its stack trace. */
    public synchronized List<String> formatted() {
        return records.stream().map(formatter::format).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(level);
    }
}
