package dev.cairn.runtime.internal.postgres;

import dev.cairn.runtime.spi.LockRequest;
import dev.cairn.runtime.spi.MigrationLock;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.Migrator;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * PostgreSQL's lock: a session advisory lock held by a dedicated connection for the whole
 * command. It is waited for by polling {@code pg_try_advisory_lock} in autocommit, never by a
 * blocking call inside a transaction: a waiter inside a transaction would hold a snapshot that a
 * running {@code CREATE INDEX CONCURRENTLY} waits for, a deadlock. PostgreSQL releases the lock
 * when the holder's session ends, so a killed process never leaves it stuck.
 */
public final class PostgresAdvisoryLock implements MigrationLock {

    /** The high half of every Cairn lock key ("cair"), so that keys rarely meet an application's. */
    private static final long KEY_PREFIX = 0x63616972L;
    private static final Logger LOG = System.getLogger(Migrator.LOGGER_NAME);
    /** Matches, in pg_locks {@code l}, the granted advisory lock of the key bound to the next two parameters. */
    private static final String HELD = "l.locktype = 'advisory' AND l.granted AND l.classid::bigint = ?"
            + " AND l.objid::bigint = ? AND l.objsubid = 1";

    /** SQLState of "unrecognized configuration parameter". */
    private static final String UNDEFINED_SETTING = "42704";

    private final Connection work;
    private final Connection lockConnection;
    private final Taken taken;
    private final Optional<String> heldCondition;
    private boolean first = true;

    private PostgresAdvisoryLock(Connection work, Connection lockConnection, Taken taken, Optional<String> heldCondition) {
        this.work = work;
        this.lockConnection = lockConnection;
        this.taken = taken;
        this.heldCondition = heldCondition;
    }

    /** Waits for the lock named by the request and returns it held. */
    public static PostgresAdvisoryLock acquire(LockRequest request) throws SQLException {
        Connection lockConnection = request.connections().open();
        try {
            lockConnection.setAutoCommit(true);
            keepAlive(lockConnection);
            long key = keyOf(tableName(request.name()));
            long deadline = System.nanoTime() + request.timeout().toNanos();
            long sessionKey = ThreadLocalRandom.current().nextLong();
            Optional<Taken> holder = tryLock(lockConnection, key, sessionKey);
            if (holder.isEmpty()) {
                LOG.log(Level.INFO, () -> "Waiting for the Cairn migration lock of " + request.database()
                        + ", which another session holds (up to " + request.timeout().toSeconds() + " s)");
                long pause = 50;
                do {
                    if (System.nanoTime() - deadline > 0) {
                        throw timeout(lockConnection, key, request);
                    }
                    sleep(pause);
                    pause = Math.min(pause * 2, 500);
                    // Work done meanwhile (joining the holder's data migration) is not waiting.
                    deadline += request.whileWaiting().work().toNanos();
                    holder = tryLock(lockConnection, key, sessionKey);
                } while (holder.isEmpty());
            }
            Taken taken = holder.get();
            try {
                return new PostgresAdvisoryLock(request.work(), lockConnection, taken, seenFromWork(request.work(), taken));
            } catch (SQLException | RuntimeException e) {
                try {
                    taken.release(lockConnection);
                } catch (SQLException releaseError) {
                    e.addSuppressed(releaseError);
                }
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            try {
                lockConnection.close();
            } catch (SQLException closeError) {
                e.addSuppressed(closeError);
            }
            throw e;
        }
    }

    /**
     * Exempts the lock's session from {@code idle_session_timeout}: it is idle by design while the
     * work connection migrates, and the server ending it would end the lock. The setting exists
     * from PostgreSQL 14; older servers have no such timeout to escape.
     */
    private static void keepAlive(Connection lockConnection) throws SQLException {
        try (Statement statement = lockConnection.createStatement()) {
            statement.execute("SET idle_session_timeout = 0");
        } catch (SQLException e) {
            if (!UNDEFINED_SETTING.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    /**
     * The history table's name without its schema, which the key is made of. The schema an
     * unqualified name resolves to cannot be asked for reliably: {@code current_schema()} is the
     * first existing schema of the search path, while the table resolves to the first schema that
     * contains it, and a migration creating a schema changes the former. Leaving the schema out
     * gives {@code schema("public")}, no schema option and any search path one key per table name;
     * Cairn histories of the same name in different schemas then take turns, which costs a wait,
     * never a double apply.
     */
    private static String tableName(String table) {
        return table.substring(table.lastIndexOf('.') + 1);
    }

    private static long keyOf(String name) {
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return KEY_PREFIX << 32 | crc.getValue();
    }

    /**
     * Tries to take the lock and, with it, in the same round trip, a key of this session's own
     * ({@code sessionKey}, random), whose only use is to tell later whether this session still
     * holds the lock; see {@link Taken#condition()}.
     */
    private static Optional<Taken> tryLock(Connection connection, long key, long sessionKey) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT CASE WHEN pg_try_advisory_lock(?) THEN pg_try_advisory_lock(?) END")) {
            statement.setLong(1, key);
            statement.setLong(2, sessionKey);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                boolean marked = row.getBoolean(1);
                return row.wasNull() ? Optional.empty() : Optional.of(new Taken(key, marked ? OptionalLong.of(sessionKey)
                        : OptionalLong.empty()));
            }
        }
    }

    /**
     * The lock as this session took it: its key, and the session's own key if it got that too
     * (it does unless another session holds the same random key).
     */
    private record Taken(long key, OptionalLong sessionKey) {

        /**
         * The SQL condition, evaluated by another session, that this session still holds the lock:
         * both keys are held, each tried shared for the transaction, which fails while a session
         * holds it exclusively. The lock manager answers as of the moment the statement runs. The
         * session key is held by no one else, so its being held proves this session lives and was
         * not reset (ending a session or a pooler's {@code DISCARD ALL} releases both keys), and so
         * still holds the lock it never released; pids, which are reused, play no part. Empty
         * without a session key.
         */
        Optional<String> condition() {
            return sessionKey.isEmpty() ? Optional.empty() : Optional.of("NOT pg_try_advisory_xact_lock_shared(" + key
                    + ") AND NOT pg_try_advisory_xact_lock_shared(" + sessionKey.getAsLong() + ")");
        }

        /** Unlocks explicitly: a pooled connection's session outlives close(). */
        void release(Connection lockConnection) throws SQLException {
            try (PreparedStatement statement = lockConnection.prepareStatement(sessionKey.isPresent()
                    ? "SELECT pg_advisory_unlock(?), pg_advisory_unlock(?)" : "SELECT pg_advisory_unlock(?)")) {
                statement.setLong(1, key);
                if (sessionKey.isPresent()) {
                    statement.setLong(2, sessionKey.getAsLong());
                }
                statement.execute();
            }
        }
    }

    /**
     * The condition of {@link #heldCondition()}, if the work connection sees that it holds: it
     * does not when the two connections share a backend (a pooler in transaction mode), where a
     * session's own lock does not conflict with its tries, and then the lock is asked by
     * {@link #stillHeld()} instead.
     */
    private static Optional<String> seenFromWork(Connection work, Taken taken) throws SQLException {
        Optional<String> condition = taken.condition();
        if (condition.isEmpty()) {
            return condition;
        }
        try (Statement statement = work.createStatement(); ResultSet row = statement.executeQuery("SELECT " + condition.get())) {
            return row.next() && row.getBoolean(1) ? condition : Optional.empty();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException(ErrorCode.LOCK_TIMEOUT, "Interrupted while waiting for the migration lock.", e);
        }
    }

    /** A session holding the lock, as pg_stat_activity describes it. */
    private record Holder(int pid, String description) {
    }

    private static MigrationException timeout(Connection connection, long key, LockRequest request) throws SQLException {
        List<Holder> holders = holders(connection, key);
        String holder = holders.isEmpty() ? "a session that ended just now"
                : String.join(" and ", holders.stream().map(Holder::description).toList());
        String pid = holders.isEmpty() ? "<pid>" : String.valueOf(holders.get(0).pid());
        return new MigrationException(ErrorCode.LOCK_TIMEOUT, "Timed out after " + request.timeout().toSeconds()
                + " s waiting for the Cairn migration lock of " + request.database() + ": it is held by " + holder
                + ". Probably another instance is migrating: wait for it and retry, or raise lockTimeout. If that"
                + " session is stuck, end it with SELECT pg_terminate_backend(" + pid + ").");
    }

    /** The sessions holding the lock; advisory locks are per database, so only this database's. */
    private static List<Holder> holders(Connection connection, long key) throws SQLException {
        List<Holder> holders = new ArrayList<>();
        String sql = "SELECT a.pid, a.application_name, a.client_addr::text, a.backend_start, a.state"
                + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE " + HELD
                + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bindKey(statement, key);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    holders.add(new Holder(row.getInt(1), "backend pid " + row.getInt(1) + " (application_name \""
                            + row.getString(2) + "\", client " + (row.getString(3) == null ? "local" : row.getString(3))
                            + ", connected since " + row.getTimestamp(4).toInstant() + ", " + row.getString(5) + ")"));
                }
            }
        }
        return holders;
    }

    /** Binds the key as pg_locks shows an advisory lock taken with one bigint: its high and low halves. */
    private static void bindKey(PreparedStatement statement, long key) throws SQLException {
        statement.setLong(1, key >>> 32);
        statement.setLong(2, key & 0xFFFFFFFFL);
    }

    /**
     * Asks the lock's connection whether its session still holds the lock. It may not: an
     * {@code idle_session_timeout}, a pooler in transaction mode, a network failure or
     * {@code pg_terminate_backend} ends the session, and with it the lock. An error of the lock's
     * connection means the same.
     */
    @Override
    public boolean stillHeld() {
        try (PreparedStatement statement = lockConnection.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM pg_locks l WHERE " + HELD + " AND l.pid = pg_backend_pid())")) {
            bindKey(statement, taken.key());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "The connection of the Cairn migration lock failed, and with it the lock", e);
            return false;
        }
    }

    /**
     * Whether the session that took the lock still holds it, as a statement of the work
     * connection sees it ({@link Taken#condition()}), so that the statement recording a migration,
     * just before its commit, checks the lock as {@link #stillHeld()} would, without another round
     * trip, and for much less than a read of pg_locks.
     */
    @Override
    public Optional<String> heldCondition() {
        return heldCondition;
    }

    @Override
    public boolean begin() throws SQLException {
        work.setAutoCommit(false);
        boolean changed = first;
        first = false;
        return changed;
    }

    @Override
    public void commit() throws SQLException {
        work.commit();
        work.setAutoCommit(true);
    }

    @Override
    public void rollback() throws SQLException {
        if (!work.getAutoCommit()) {
            try {
                work.rollback();
            } finally {
                // Even after a failed rollback: the connection goes back to its owner in autocommit, never mid-transaction.
                work.setAutoCommit(true);
            }
        }
    }

    @Override
    public boolean heldForWholeCommand() {
        return true;
    }

    @Override
    public void close() throws SQLException {
        try {
            rollback();
        } finally {
            try {
                taken.release(lockConnection);
            } finally {
                closeLockConnection();
            }
        }
    }

    /** Closes the lock's connection after the unlock; a failure then loses nothing, so it is only logged. */
    private void closeLockConnection() {
        try {
            lockConnection.close();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Cannot close the connection of the Cairn migration lock (already unlocked)", e);
        }
    }
}
