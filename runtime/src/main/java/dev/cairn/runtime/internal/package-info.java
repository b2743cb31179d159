/**
 * Cairn's engine. <b>Private API: no compatibility guarantees.</b> Nothing here is exported from
 * the {@code dev.cairn.runtime} module; on the class path it is visible, but may change in any
 * release.
 *
 * <h2>The protocol every command follows</h2>
 *
 * <p>Every command runs through {@link dev.cairn.runtime.internal.CommandRunner}: it opens one
 * session (a connection in auto-commit mode, and the database's
 * {@link dev.cairn.runtime.spi.DatabaseSupport} chosen by a provider), runs, closes the session,
 * and tells the listeners how it ended. Commands that only read ({@code status}, {@code validate},
 * {@code history}) take no lock and create nothing.
 *
 * <p><b>Up to date.</b> {@code migrate} first reads the one-row state table: if it holds the
 * plan's compile-time fingerprint, the database is up to date and nothing else happens (one
 * statement, whatever the number of migrations). The fingerprint is written only under the lock,
 * in the same transaction as the change that brought the applied set to exactly the plan with
 * unchanged checksums, and deleted in the transaction of any command's first change, so that no
 * one reads it while the history changes. Any other value takes the full path below.
 *
 * <p><b>Writing commands</b> take the migration lock
 * ({@link dev.cairn.runtime.spi.MigrationLock}) and read the applied set under it:
 * <ul>
 *   <li>PostgreSQL: a session advisory lock on a dedicated connection, keyed on the history
 *       table's bare name and waited for by polling {@code pg_try_advisory_lock} outside any
 *       transaction; held for the whole command, so the applied set read under it stays current
 *       between the command's transactions.</li>
 *   <li>SQLite: each transaction is the lock ({@code BEGIN IMMEDIATE} with a busy timeout). Between
 *       two transactions of a command another process may commit, so every later transaction
 *       re-reads the applied set when the database's data version says it changed
 *       ({@link dev.cairn.runtime.internal.LockedHistory#beginAgain()}), and the command's checks
 *       are made again on what was re-read.</li>
 * </ul>
 *
 * <p><b>Each migration</b> runs in its own transaction with its history row and log row. A
 * non-transactional one runs between two transactions: the first commits a {@code RUNNING}
 * marker in the log naming its owner (host, pid and process start time), the second its history
 * row; a marker found open means its owner is still running it or died part-way, which
 * {@link dev.cairn.runtime.internal.RunningMarkers} tells apart where the database can.
 */
package dev.cairn.runtime.internal;
