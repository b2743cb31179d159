package dev.cairn.runtime.internal.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.spi.LockRequest;
import dev.cairn.runtime.testing.DbKind;
import dev.cairn.runtime.testing.TestDb;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The condition with which each migration's history row checks, in its own statement, that the
 * lock is still held by the session that took it: true while it is, false once that session is
 * ended or reset the way a session pooler resets it, even when another session holds the lock by
 * then, and whatever the checking transaction saw of session activity before.
 */
class PostgresAdvisoryLockTest {

    /** The advisory locks of this test's database (tests of other classes use other databases of the server). */
    private static final String ADVISORY = "locktype = 'advisory' AND granted"
            + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";

    @TempDir
    Path dir;

    private TestDb db;
    private Connection work;
    private Connection lockSession;
    private PostgresAdvisoryLock lock;

    @BeforeEach
    void takeTheLock() throws SQLException {
        db = TestDb.create(DbKind.POSTGRES, dir);
        work = db.dataSource().getConnection();
        lockSession = db.dataSource().getConnection();
        lock = PostgresAdvisoryLock.acquire(new LockRequest(work, () -> pooled(lockSession), "cairn_history",
                Duration.ofSeconds(5), "the test database"));
    }

    @AfterEach
    void closeEverything() throws SQLException {
        work.close();
        lockSession.close();
    }

    @Test
    void whileTheSessionHoldsIt_theConditionIsTrue() throws SQLException {
        assertTrue(lock.heldCondition().isPresent());
        assertTrue(held());
        assertTrue(lock.stillHeld());
    }

    @Test
    void aSessionResetAsAPoolerResetsIt_failsTheCondition_evenOnceAnotherSessionHoldsTheLock() throws Exception {
        long key = cairnKey();
        try (Statement reset = lockSession.createStatement()) {
            reset.execute("DISCARD ALL");
        }
        assertFalse(held());
        assertFalse(lock.stillHeld());

        try (Connection other = db.dataSource().getConnection()) {
            assertEquals("t", query(other, "SELECT pg_try_advisory_lock(" + key + ")"));
            assertFalse(held());
        }
    }

    @Test
    void anEndedSession_failsTheCondition_inATransactionThatReadSessionActivityBefore_andWithTheLockTakenSince()
            throws Exception {
        long key = cairnKey();
        work.setAutoCommit(false);
        try {
            // A transaction's first look at pg_stat_activity fixes what it sees of it (a timeout's canceller looks).
            query(work, "SELECT count(*) FROM pg_stat_activity");
            try (Connection admin = db.dataSource().getConnection(); Connection other = db.dataSource().getConnection()) {
                assertEquals("t", query(admin, "SELECT bool_and(pg_terminate_backend(pid, 10000)) FROM (SELECT DISTINCT pid"
                        + " FROM pg_locks WHERE " + ADVISORY + ") holders"));
                assertEquals("t", query(other, "SELECT pg_try_advisory_lock(" + key + ")"));
                assertEquals("f", query(work, "SELECT " + lock.heldCondition().orElseThrow()));
            }
        } finally {
            work.rollback();
            work.setAutoCommit(true);
        }
    }

    @Test
    void close_unlocksBothKeysOfAPooledSession() throws SQLException {
        assertEquals(2, db.rows("SELECT pid FROM pg_locks WHERE " + ADVISORY).size());

        lock.close();

        assertFalse(lockSession.isClosed());
        assertEquals(List.of(), db.rows("SELECT pid FROM pg_locks WHERE " + ADVISORY));
    }

    /** The key of Cairn's lock, whose high half spells "cair"; the other advisory lock is the session's own key. */
    private long cairnKey() throws SQLException {
        return Long.parseLong(query(work, "SELECT (classid::bigint << 32) | objid::bigint FROM pg_locks WHERE " + ADVISORY
                + " AND classid::bigint = " + 0x63616972L));
    }

    /** The condition as a migration's transaction evaluates it, in a transaction of its own. */
    private boolean held() throws SQLException {
        work.setAutoCommit(false);
        try {
            return "t".equals(query(work, "SELECT " + lock.heldCondition().orElseThrow()));
        } finally {
            work.rollback();
            work.setAutoCommit(true);
        }
    }

    private static String query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            assertTrue(row.next(), sql);
            return row.getString(1);
        }
    }

    /** The session as a pool lends it: closing it gives it back, its session lives on. */
    private static Connection pooled(Connection session) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(session, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
