package dev.cairn.runtime;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.internal.ConnectionSource;
import dev.cairn.runtime.internal.Engine;
import dev.cairn.runtime.internal.Plan;
import dev.cairn.runtime.internal.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Applies, inspects and rolls back the migrations of a {@link MigrationSource} (usually the
 * generated {@code MigrationRegistry}) on one SQLite or PostgreSQL database.
 *
 * <pre>{@code
 * Migrator migrator = Migrator.configure(new MigrationRegistry(), dataSource)
 *         .lockTimeout(Duration.ofMinutes(2))
 *         .load();
 * MigrationReport report = migrator.migrate();
 * }</pre>
 *
 * <p>A {@code Migrator} is immutable and thread-safe; every command opens its own connections,
 * takes the migration lock when it writes, and returns a report of what it did. Errors are
 * {@link MigrationException}s whose message names the migration and says what to do.
 */
public final class Migrator {

    /**
     * The name of the {@link System.Logger} Cairn logs to: INFO for each migration applied or rolled
     * back and for waits on another instance, WARNING for problems that lose nothing.
     */
    public static final String LOGGER_NAME = "dev.cairn.runtime.Migrator";

    private final Engine engine;

    private Migrator(Engine engine) {
        this.engine = engine;
    }

    /** Starts configuring a migrator for a data source; finish with {@link Builder#load()}. */
    public static Builder configure(MigrationSource source, DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new Builder(source, ConnectionSource.of(dataSource));
    }

    /**
     * Starts configuring a migrator for a JDBC URL such as {@code jdbc:sqlite:app.db} or
     * {@code jdbc:postgresql://db:5432/app?user=app&password=secret}. The URL may carry
     * credentials: Cairn never shows the password in a log or a message.
     */
    public static Builder configure(MigrationSource source, String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        return new Builder(source, ConnectionSource.of(jdbcUrl));
    }

    /** The settings this migrator was loaded with. */
    public Configuration configuration() {
        return engine.configuration();
    }

    /**
     * A builder preset with this migrator's source, data source or URL, and every setting and
     * listener: to load a variant, such as one with another listener or a
     * {@linkplain Builder#dataBatchSize data batch size}. This migrator stays as it is.
     */
    public Builder toBuilder() {
        return new Builder(engine.draft());
    }

    /**
     * The graph of this migrator's plan, which chooses what each command touches: to show what
     * a command would do before it runs. Does not connect.
     */
    public MigrationGraph graph() {
        return engine.graph();
    }

    /** Applies every pending migration in plan order. */
    public MigrationReport migrate() {
        return engine.migrate(null);
    }

    /**
     * Applies the pending migrations up to {@code target}: those whose version is at most the
     * target, with the prerequisites they need.
     *
     * @throws MigrationException with {@link ErrorCode#NOT_IN_BUILD} if {@code target} is not a
     *     migration of the build, before connecting
     */
    public MigrationReport migrate(MigrationVersion target) {
        return engine.migrate(Objects.requireNonNull(target, "target"));
    }

    /** {@link #migrate(MigrationVersion)} with the version as text, such as {@code "2.1"}. */
    public MigrationReport migrate(String target) {
        return migrate(versionOf(target));
    }

    /**
     * Applies {@code version} and the pending migrations it depends on, directly or transitively,
     * in plan order; nothing else, not even a pending migration with a lower version that it does
     * not need ({@link MigrationGraph#toApplyOnly} lists them). When {@code version} is already
     * applied, the report says so and applies nothing.
     *
     * @throws MigrationException with {@link ErrorCode#NOT_IN_BUILD} if {@code version} is not a
     *     migration of the build, before connecting
     */
    public MigrationReport apply(MigrationVersion version) {
        return engine.apply(Objects.requireNonNull(version, "version"));
    }

    /** {@link #apply(MigrationVersion)} with the version as text, such as {@code "2.1"}. */
    public MigrationReport apply(String version) {
        return apply(versionOf(version));
    }

    /**
     * Undoes {@code version} and every applied migration that depends on it, in reverse plan
     * order. Refuses before touching the database if that crosses an irreversible migration.
     */
    public RollbackReport rollback(MigrationVersion version) {
        return engine.rollback(Objects.requireNonNull(version, "version"), false);
    }

    /** {@link #rollback(MigrationVersion)} with the version as text. */
    public RollbackReport rollback(String version) {
        return rollback(versionOf(version));
    }

    /**
     * Undoes every applied migration after {@code version} in plan order, leaving {@code version}
     * itself applied. Refuses before touching the database if that crosses an irreversible
     * migration.
     */
    public RollbackReport rollbackTo(MigrationVersion version) {
        return engine.rollback(Objects.requireNonNull(version, "version"), true);
    }

    /** {@link #rollbackTo(MigrationVersion)} with the version as text. */
    public RollbackReport rollbackTo(String version) {
        return rollbackTo(versionOf(version));
    }

    /**
     * Where each migration stands: applied, pending, out of order, failed, running, unknown, or
     * recorded twice. Changes nothing: on a SQLite file that does not exist it refuses, rather
     * than create the file, as {@link #validate()}, {@link #history()} and {@link #backup} do.
     */
    public StatusReport status() {
        return engine.status();
    }

    /** The audit log: every apply, rollback, failure, baseline and repair. Changes nothing. */
    public HistoryReport history() {
        return engine.history();
    }

    /** Compares the build with the database: unknown versions, checksum drift, failures. Changes nothing. */
    public ValidationReport validate() {
        return engine.validate();
    }

    /**
     * Runs the migrations' conditions without applying anything (seed 004's "validate without
     * executing"): the {@linkplain JavaMigration#preconditions preconditions} of each pending
     * migration whose prerequisites are all applied (unless its last run stopped part way, which
     * may have left part of its changes), and the
     * {@linkplain JavaMigration#postconditions postconditions} of each applied one that no applied
     * migration depends on (one that does builds on its changes, and may have changed them by
     * design), each migration's in a transaction that is rolled back. Reports every check, passed or failed
     * with what it found; a failed one is reported, not thrown. Changes nothing and takes no lock,
     * like {@link #status()}, so it also runs on a read-only database.
     *
     * <p>A postcondition of an applied migration checks what it promised then: a later migration
     * that changed the same table without depending on it (dropped the column it added, say)
     * makes it fail, without anything being wrong.
     */
    public ConditionsReport checkConditions() {
        return engine.checkConditions(null);
    }

    /**
     * {@link #checkConditions()} of one migration: its preconditions if it is pending (once the
     * migrations it depends on are applied), its postconditions if it is applied.
     *
     * @throws MigrationException with {@link ErrorCode#NOT_IN_BUILD} if {@code version} is not a
     *     migration of the build, before connecting
     */
    public ConditionsReport checkConditions(MigrationVersion version) {
        return engine.checkConditions(Objects.requireNonNull(version, "version"));
    }

    /** {@link #checkConditions(MigrationVersion)} with the version as text. */
    public ConditionsReport checkConditions(String version) {
        return checkConditions(versionOf(version));
    }

    /**
     * Runs what {@link #migrate()} would run inside a transaction that is rolled back, and returns
     * the statements. The database is left as it was.
     *
     * <p>On SQLite, when a pending migration calls {@link MigrationContext#rebuildTable} while
     * foreign keys are enforced, the whole plan runs with foreign keys off (SQLite switches them
     * only outside a transaction, and the dry run is one transaction): {@code ON DELETE CASCADE}
     * does not fire in it, and {@code PRAGMA foreign_key_check} after each migration fails the one
     * that left new violations.
     */
    public DryRunReport dryRun() {
        return engine.dryRun();
    }

    /**
     * The {@linkplain #dryRun() dry run} of exactly what {@link #apply(MigrationVersion)} would
     * apply: {@code version}, if pending, and the pending migrations it depends on. The database
     * is left as it was.
     *
     * @throws MigrationException with {@link ErrorCode#NOT_IN_BUILD} if {@code version} is not a
     *     migration of the build, before connecting
     */
    public DryRunReport dryRunApply(MigrationVersion version) {
        return engine.dryRunApply(Objects.requireNonNull(version, "version"));
    }

    /** {@link #dryRunApply(MigrationVersion)} with the version as text. */
    public DryRunReport dryRunApply(String version) {
        return dryRunApply(versionOf(version));
    }

    /**
     * Records that the database already has the changes of the migrations up to {@code version}
     * (as {@link #migrate(MigrationVersion)} would choose them), without running them.
     */
    public BaselineReport baseline(MigrationVersion version) {
        return engine.baseline(Objects.requireNonNull(version, "version"));
    }

    /** {@link #baseline(MigrationVersion)} with the version as text. */
    public BaselineReport baseline(String version) {
        return baseline(versionOf(version));
    }

    /**
     * After a person fixed the database by hand: accepts the build's checksums for applied
     * migrations and clears failed or interrupted state so the next migrate runs them again.
     * A checksum recorded by another algorithm (another compiler's tag) is not drift and is left
     * as it is. Refuses while another process is still running a non-transactional migration.
     */
    public RepairReport repair() {
        return engine.repair();
    }

    /**
     * Backs the database up to {@code file}, a new file (an existing one is never overwritten):
     * SQLite through its online backup API, PostgreSQL through {@code pg_dump}.
     */
    public BackupReport backup(Path file) {
        return engine.backup(Objects.requireNonNull(file, "file"));
    }

    /** A version named in a command, refused as a {@link MigrationException} when it is not one. */
    private static MigrationVersion versionOf(String text) {
        Objects.requireNonNull(text, "version");
        return MigrationVersion.tryParse(text).orElseThrow(() -> new MigrationException(ErrorCode.NOT_IN_BUILD,
                "\"" + text + "\" is not a migration version: " + MigrationVersion.problem(text)
                        + ". Nothing was changed."));
    }

    /**
     * Fluent options for a {@link Migrator}. {@link #load()} checks them all at once and returns
     * an immutable migrator.
     */
    public static final class Builder {

        private final Settings.Draft draft;

        private Builder(MigrationSource source, ConnectionSource connections) {
            this(new Settings.Draft(Objects.requireNonNull(source, "source"), connections));
        }

        private Builder(Settings.Draft draft) {
            this.draft = draft;
        }

        /** The table of applied migrations; default {@code cairn_history}. */
        public Builder historyTable(String name) {
            draft.historyTable = name;
            return this;
        }

        /**
         * The table of Flyway's history ({@code flyway.table}) that a database without Cairn's
         * history is adopted from; default {@code flyway_schema_history}, Flyway's. See the
         * README's "Moving from Flyway".
         */
        public Builder flywayTable(String name) {
            draft.flywayTable = name;
            return this;
        }

        /** PostgreSQL only: the schema of {@link #flywayTable}; default the current schema, as Flyway's default. */
        public Builder flywaySchema(String name) {
            draft.flywaySchema = name;
            return this;
        }

        /** The audit log table; default {@code cairn_log}. */
        public Builder logTable(String name) {
            draft.logTable = name;
            return this;
        }

        /** PostgreSQL only: the schema of Cairn's tables, created if missing; default the current schema. */
        public Builder schema(String name) {
            draft.schema = name;
            return this;
        }

        /** How long to wait for another process's migration lock; default 10 minutes, at most 24 hours. */
        public Builder lockTimeout(Duration timeout) {
            draft.lockTimeout = timeout;
            return this;
        }

        /**
         * How long a migration's statement waits for a lock that another session holds before it
         * fails with {@link ErrorCode#LOCK_TIMEOUT}; default 10 seconds, {@link Duration#ZERO} to wait
         * forever. Without it, an {@code ALTER TABLE} behind a long transaction waits, and every query
         * of the application queues behind the {@code ALTER}. PostgreSQL's {@code lock_timeout};
         * SQLite statements never wait, as the migration holds the database's write lock. A migration
         * may change it for itself with {@link MigrationContext#statementLockTimeout(Duration)}.
         */
        public Builder statementLockTimeout(Duration timeout) {
            draft.statementLockTimeout = timeout;
            return this;
        }

        /**
         * How long one migration may run: past it, its running statement is cancelled and its
         * transaction rolled back, with an error saying so; default {@link Duration#ZERO}, no limit.
         */
        public Builder migrationTimeout(Duration timeout) {
            draft.migrationTimeout = timeout;
            return this;
        }

        /** Refuse to apply a pending migration older than the newest applied one; default off. */
        public Builder strictOrder(boolean strict) {
            draft.strictOrder = strict;
            return this;
        }

        /** Refuse to migrate when an applied migration's source changed; default on. */
        public Builder validateChecksums(boolean validate) {
            draft.validateChecksums = validate;
            return this;
        }

        /** Tolerate applied versions unknown to this build instead of refusing; default off. */
        public Builder allowUnknownApplied(boolean allow) {
            draft.allowUnknownApplied = allow;
            return this;
        }

        /**
         * Back the database up into {@code directory} before a migrate that has something to
         * apply; by default no backup is made.
         */
        public Builder backupBeforeMigrate(Path directory) {
            draft.backupDirectory = directory;
            return this;
        }

        /** How many automatic backups to keep in the backup directory; default 5. */
        public Builder backupRetention(int count) {
            draft.backupRetention = count;
            return this;
        }

        /** The {@code pg_dump} program for PostgreSQL backups; default {@code pg_dump} on the PATH. */
        public Builder pgDump(String executable) {
            draft.pgDump = executable;
            return this;
        }

        /** Who is recorded as having applied migrations; default the {@code user.name} system property. */
        public Builder installedBy(String name) {
            draft.installedBy = name;
            return this;
        }

        /**
         * The rows per batch of every data migration, instead of the size each declares with
         * {@link dev.cairn.runtime.data.Batches#size}; an {@linkplain dev.cairn.runtime.data.Batches#adaptive
         * adaptive} one starts from it. Between 1 and 1,000,000; by default each keeps its own.
         */
        public Builder dataBatchSize(int rows) {
            draft.dataBatchSize = rows;
            return this;
        }

        /**
         * Adds a listener told of each migration and command, after Cairn's own logging and any
         * listener added before.
         */
        public Builder listener(MigrationListener listener) {
            draft.listeners.add(listener);
            return this;
        }

        /**
         * Checks every option and the migration plan, and returns the migrator.
         *
         * @throws MigrationException with {@link ErrorCode#INVALID_CONFIGURATION},
         *     {@link ErrorCode#INVALID_PLAN} or {@link ErrorCode#CONNECTION} (no driver for the
         *     URL), naming every problem found
         */
        public Migrator load() {
            Settings settings = draft.validate();
            return new Migrator(new Engine(settings, Plan.of(draft.source)));
        }
    }
}
