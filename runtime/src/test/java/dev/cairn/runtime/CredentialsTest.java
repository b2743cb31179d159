package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.internal.ConnectionSource;
import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.Mig;
import dev.cairn.runtime.testing.TestDb;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A password in a JDBC URL never shows in a log line, a report, a message or any exception's cause. */
class CredentialsTest {

    @TempDir
    Path dir;

    private static final EchoingDriver ECHO = new EchoingDriver();

    @BeforeAll
    static void registerTheEchoingDriver() throws SQLException {
        DriverManager.registerDriver(ECHO);
    }

    @AfterAll
    static void deregisterTheEchoingDriver() throws SQLException {
        DriverManager.deregisterDriver(ECHO);
    }

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
    void redact_takesTheLastAtBeforeTheHostAsTheEndOfTheUserInfo() {
        assertEquals("jdbc:mysql://app:***@db:3306/app?useSSL=true",
                ConnectionSource.redact("jdbc:mysql://app:hun/ter@2@db:3306/app?useSSL=true"));
        assertEquals("jdbc:mysql://me@corp:***@db/app", ConnectionSource.redact("jdbc:mysql://me@corp:hunter2@db/app"));
        assertEquals("jdbc:postgresql://db:5432/app?user=me@corp&password=***",
                ConnectionSource.redact("jdbc:postgresql://db:5432/app?user=me@corp&password=hunter2"));
        assertEquals("jdbc:sqlserver://db:1433;user=me@corp;pwd=***",
                ConnectionSource.redact("jdbc:sqlserver://db:1433;user=me@corp;pwd=hunter2"));
        assertEquals("jdbc:postgresql://db/app?user=app&sslpassword=***&sslmode=verify-full",
                ConnectionSource.redact("jdbc:postgresql://db/app?user=app&sslpassword=hunter2&sslmode=verify-full"));
    }

    /** The password handed to pg_dump is the one the URL gives the driver, under either spelling; never the SSL key's. */
    @Test
    void password_readsPasswordOrPwdButNeverSslpassword() {
        assertEquals("hunter2", ConnectionSource.of("jdbc:postgresql://db/app?user=app&pwd=hunter%32").password());
        assertEquals("hunter2", ConnectionSource.of("jdbc:postgresql://db/app?user=app&PWD=hunter2&ssl=true").password());
        assertEquals("hunter2", ConnectionSource.of("jdbc:postgresql://db/app?sslpassword=k3y&password=hunter2").password());
        assertEquals("hunter2", ConnectionSource.of("jdbc:postgresql://db/app?password=hunter2&pwd=other").password());
        assertNull(ConnectionSource.of("jdbc:postgresql://db/app?user=app&sslpassword=k3y").password());
        assertNull(ConnectionSource.of("jdbc:postgresql://db/app?user=app").password());
    }

    @Test
    void sslpasswordInTheUrl_reachesNoMessageOrCauseOfAFailingConnection() {
        String url = "jdbc:cairn-echo://db/app?user=app&sslpassword=k3y%21&sslmode=verify-full";

        MigrationException e = assertThrows(MigrationException.class, () -> Migrator.configure(Mig.source(), url).load().status());

        String redacted = "jdbc:cairn-echo://db/app?user=app&sslpassword=***&sslmode=verify-full";
        assertEquals(ErrorCode.CONNECTION, e.code());
        assertEquals("Cannot connect to " + redacted + ": The echoing driver cannot open " + redacted + " [SQLState 08001]."
                + " Check that the database server is running and reachable, and the URL, user and password. Nothing was"
                + " changed.", e.getMessage());
        assertNowhereIn(e, "k3y%21");
        assertNowhereIn(e, "k3y!");
    }

    @Test
    void pwdInTheUrl_reachesNoMessageOrCauseOfAFailingConnection() {
        MigrationException e = assertThrows(MigrationException.class,
                () -> Migrator.configure(Mig.source(), "jdbc:cairn-echo://db:1433;user=app;PWD=hunter%32").load().status());

        assertEquals(ErrorCode.CONNECTION, e.code());
        assertTrue(e.getMessage().startsWith("Cannot connect to jdbc:cairn-echo://db:1433;user=app;PWD=***: "), e.getMessage());
        assertNowhereIn(e, "hunter%32");
        assertNowhereIn(e, "hunter2");
    }

    @Test
    void userInfoPasswordHoldingSlashesAndAts_reachesNoMessageOrCauseOfAFailingConnection() {
        String url = "jdbc:cairn-echo://me@corp:hun/ter@2%21@db:3306/app?useSSL=true";

        MigrationException e = assertThrows(MigrationException.class, () -> Migrator.configure(Mig.source(), url).load().status());

        String redacted = "jdbc:cairn-echo://me@corp:***@db:3306/app?useSSL=true";
        assertEquals(ErrorCode.CONNECTION, e.code());
        assertTrue(e.getMessage().startsWith("Cannot connect to " + redacted + ": The echoing driver cannot open " + redacted
                + " [SQLState 08001]."), e.getMessage());
        assertNowhereIn(e, "hun/ter@2%21");
        assertNowhereIn(e, "hun/ter@2!");
    }

    /**
     * SQLite refuses these parameters at load, quoting the file name the driver would make of the
     * URL; PostgreSQL fails to connect. Neither message shows the secrets.
     */
    @ParameterizedTest
    @EnumSource(DbKind.class)
    void sslpasswordAndPwdInARealDatabasesUrl_showNowhere(DbKind kind) {
        String url = kind == DbKind.SQLITE ? "jdbc:sqlite:" + dir.resolve("app.db") + "?sslpassword=k3y%21&pwd=hunter%32"
                : "jdbc:postgresql://127.0.0.1:1/app?user=app&sslpassword=k3y%21&pwd=hunter%32&sslmode=require&connectTimeout=2";

        MigrationException e = assertThrows(MigrationException.class, () -> Migrator.configure(Mig.source(), url).load().status());

        assertTrue(e.getMessage().contains("sslpassword=***&pwd=***"), e.getMessage());
        for (String secret : List.of("k3y%21", "k3y!", "hunter%32", "hunter2")) {
            assertNowhereIn(e, secret);
        }
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
     * A driver such as a third-party provider's might be: its errors echo the URL it was given, in
     * the message, a cause, a suppressed exception and a next exception, with the URL's encoding
     * undone in the cause, as a driver that has parsed it would show its parts.
     */
    private static final class EchoingDriver implements Driver {

        @Override
        public Connection connect(String url, Properties info) throws SQLException {
            if (!acceptsURL(url)) {
                return null;
            }
            SQLException error = new SQLException("The echoing driver cannot open " + url, "08001",
                    new IOException("Parsed " + URLDecoder.decode(url, StandardCharsets.UTF_8)));
            error.addSuppressed(new SQLException("Closing the socket of " + url + " failed"));
            error.setNextException(new SQLException("Also: " + url));
            throw error;
        }

        @Override
        public boolean acceptsURL(String url) {
            return url.startsWith("jdbc:cairn-echo:");
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
            return new DriverPropertyInfo[0];
        }

        @Override
        public int getMajorVersion() {
            return 1;
        }

        @Override
        public int getMinorVersion() {
            return 0;
        }

        @Override
        public boolean jdbcCompliant() {
            return false;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getLogger("dev.cairn.test.echo");
        }
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
