package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.internal.ConnectionSource;
import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.TestDb;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A password in a JDBC URL never shows in a log line, a report, a message or any exception's cause. */
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

    @Test
    void postgresUrlWithTheUserAndPasswordBeforeTheHost_isRefusedAtLoadShowingTheSupportedForm() {
        MigrationException e = assertThrows(MigrationException.class, () -> Migrator.configure(Mig.source(),
                "jdbc:postgresql://app:hunter2@127.0.0.1:1/app?connectTimeout=2").load());

        assertEquals(ErrorCode.INVALID_CONFIGURATION, e.code());
        assertEquals("The JDBC URL jdbc:postgresql://app:***@127.0.0.1:1/app?connectTimeout=2 puts the user and password"
                + " before the host, a form the PostgreSQL JDBC driver does not support: it would take them for part of the"
                + " host name. Pass them as parameters instead:"
                + " jdbc:postgresql://127.0.0.1:1/app?connectTimeout=2&user=app&password=***.", e.getMessage());
        assertNowhereIn(e, "hunter2");
    }

    @Test
    void postgresUrlWithTheUserBeforeTheHost_isRefusedAtLoadToo() {
        MigrationException e = assertThrows(MigrationException.class,
                () -> Migrator.configure(Mig.source(), "jdbc:postgresql://app@db.example.com/app").load());

        assertEquals("The JDBC URL jdbc:postgresql://app@db.example.com/app puts the user before the host, a form the"
                + " PostgreSQL JDBC driver does not support: it would take it for part of the host name. Pass it as"
                + " parameters instead: jdbc:postgresql://db.example.com/app?user=app.", e.getMessage());
    }

    @Test
    void unreachableServer_keepsThePasswordOutOfEveryCause() {
        Migrator migrator = Migrator.configure(Mig.source(), "jdbc:postgresql://127.0.0.1:1/app?user=app&password=hunter2"
                + "&connectTimeout=2").load();

        MigrationException e = assertThrows(MigrationException.class, migrator::status);

        assertEquals(ErrorCode.CONNECTION, e.code());
        assertNowhereIn(e, "hunter2");
    }

    @Test
    void driverErrorThatEchoesTheUrl_reachesNoMessageOrCauseWithThePassword() {
        String url = "jdbc:sqlite:" + dir.resolve("app.db") + "?password=hunter%32&foreign_keys";

        MigrationException e = assertThrows(MigrationException.class, () -> Migrator.configure(Mig.source(), url).load().migrate());

        assertEquals(ErrorCode.CONNECTION, e.code());
        String redacted = "jdbc:sqlite:" + dir.resolve("app.db") + "?password=***&foreign_keys";
        assertTrue(e.getMessage().startsWith("Cannot connect to " + redacted + ": Please specify a value for PRAGMA"
                + " foreign_keys in URL " + redacted), e.getMessage());
        assertEquals("java.sql.SQLException: Please specify a value for PRAGMA foreign_keys in URL " + redacted,
                e.getCause().toString());
        assertNowhereIn(e, "hunter%32");
        assertNowhereIn(e, "hunter2");
    }

    /**
     * Fails if {@code secret} shows in the message of {@code e} or of any exception it holds (causes,
     * suppressed, next exceptions), or in its stack trace as a log would print it.
     */
    private static void assertNowhereIn(Throwable e, String secret) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertFalse(trace.toString().contains(secret), trace.toString());
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> toVisit = new ArrayList<>(List.of(e));
        while (!toVisit.isEmpty()) {
            Throwable t = toVisit.remove(toVisit.size() - 1);
            if (t == null || !seen.add(t)) {
                continue;
            }
            assertFalse(String.valueOf(t.getMessage()).contains(secret) || t.toString().contains(secret), t.toString());
            toVisit.add(t.getCause());
            toVisit.addAll(List.of(t.getSuppressed()));
            if (t instanceof SQLException sql) {
                toVisit.add(sql.getNextException());
            }
        }
    }
}
