package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.internal.ConnectionSource;
import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.TestDb;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A password in a JDBC URL never shows in a log line, a report or a message. */
class CredentialsTest {

    @TempDir
    Path dir;

    @Test
    void redact_hidesPasswordParametersAndUserInfo() {
        assertEquals("jdbc:postgresql://db:5432/app?user=app&password=***&ssl=true",
                ConnectionSource.redact("jdbc:postgresql://db:5432/app?user=app&password=s3cret&ssl=true"));
        assertEquals("jdbc:postgresql://app:***@db/app", ConnectionSource.redact("jdbc:postgresql://app:hunter2@db/app"));
        assertEquals("jdbc:sqlserver://db;user=app;PASSWORD=***;encrypt=true",
                ConnectionSource.redact("jdbc:sqlserver://db;user=app;PASSWORD=hunter2;encrypt=true"));
        assertEquals("jdbc:sqlite:app.db", ConnectionSource.redact("jdbc:sqlite:app.db"));
    }

    @Test
    void migrateWithAPasswordInTheUrl_logsAndReportsItRedacted() {
        TestDb db = TestDb.create(DbKind.POSTGRES, dir);
        String url = db.jdbcUrl() + "&password=hunter2";
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(Migrator.LOGGER_NAME);
        Level level = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
        try {
            MigrationReport report = Migrator.configure(Mig.source(Mig.v("1", "Create t").up("CREATE TABLE t (id INTEGER)").build()),
                    url).load().migrate();

            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).contains("password=***"), lines.toString());
            assertFalse(String.join("\n", lines).contains("hunter2"));
            assertFalse(report.summary().contains("hunter2"), report.summary());
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(level);
        }
    }
}
