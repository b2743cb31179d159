package dev.cairn.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The settings of a {@link Migrator}, as {@link Migrator.Builder#load()} checked them: what tools
 * and listeners read back. Immutable.
 */
public interface Configuration {

    /** The database, as messages name it, without credentials. */
    String database();

    /** The table of applied migrations. */
    String historyTable();

    /** The audit log table. */
    String logTable();

    /**
     * The one-row table that records the plan the database was last brought up to date with
     * ({@link MigrationSource#fingerprint()}): the history table's name followed by {@code _state}.
     */
    String stateTable();

    /**
     * Every table Cairn keeps its records in, by bare name, whether it exists yet or not: the
     * history, the log and the state table, and beside the history the tables of data migrations
     * ({@code _data}, {@code _quarantine}) and of repeatable migrations ({@code _repeatable}).
     * Schema comparisons and backups of the application's own data leave these out.
     */
    List<String> tables();

    /** The schema of Cairn's tables, where the database has schemas and one is configured. */
    Optional<String> schema();

    /**
     * How long a command waits for another process's migration lock, and Cairn's own statements
     * for another session's lock on its tables.
     */
    Duration lockTimeout();

    /**
     * How long a migration's statement waits for a lock another session holds (PostgreSQL's
     * {@code lock_timeout}) before it fails; {@link Duration#ZERO} waits forever.
     */
    Duration statementLockTimeout();

    /** How long one migration may run before it is cancelled and rolled back; {@link Duration#ZERO} for no limit. */
    Duration migrationTimeout();

    /** Whether a pending migration older than the newest applied one is refused. */
    boolean strictOrder();

    /** Whether migrate refuses to run when an applied migration's checksum changed. */
    boolean validateChecksums();

    /** Whether applied versions unknown to the build are tolerated. */
    boolean allowUnknownApplied();

    /** Where automatic backups before migrate go, if they are on. */
    Optional<Path> backupDirectory();

    /** How many automatic backups are kept. */
    int backupRetention();

    /** The {@code pg_dump} program of PostgreSQL backups. */
    String pgDump();

    /** Who is recorded as applying migrations. */
    String installedBy();

    /** The listeners told of each migration and command, in the order they were added. */
    List<MigrationListener> listeners();

    /**
     * The rows per batch of every data migration, instead of the size each declares with
     * {@link dev.cairn.runtime.data.Batches#size} (an adaptive one starts from it); empty when each
     * keeps its own.
     */
    OptionalInt dataBatchSize();
}
