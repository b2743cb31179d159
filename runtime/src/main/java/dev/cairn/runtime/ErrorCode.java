package dev.cairn.runtime;

/**
 * The kinds of {@link MigrationException}, stable across releases so that callers can react to a
 * kind of error without parsing messages.
 */
public enum ErrorCode {
    /** A migration cannot be rolled back. */
    IRREVERSIBLE,
    /** A migration threw or a statement failed; its transaction was rolled back. */
    MIGRATION_FAILED,
    /**
     * A migration's {@linkplain JavaMigration#preconditions precondition} or
     * {@linkplain JavaMigration#postconditions postcondition} failed (a {@link MigrationFailedException}
     * of this code); its transaction was rolled back.
     */
    CONDITION_FAILED,
    /**
     * Another process held the migration lock for longer than the lock timeout, or another session
     * held a lock a migration needed for longer than its statements wait (the migration then
     * failed with a {@link MigrationFailedException} of this code: run it again later).
     */
    LOCK_TIMEOUT,
    /**
     * The migration lock was lost while a migration ran (PostgreSQL: the lock's connection ended);
     * that migration's transaction was rolled back before commit.
     */
    LOCK_LOST,
    /**
     * The connection failed while a migration's transaction was committing, so whether it was
     * committed is unknown: {@link Migrator#status()} tells.
     */
    COMMIT_OUTCOME_UNKNOWN,
    /** An applied migration's source changed since it was applied. */
    CHECKSUM_MISMATCH,
    /** The database has an applied migration that this build does not know (an older build?). */
    UNKNOWN_APPLIED,
    /** A pending migration is older than the newest applied one and strict order is on. */
    OUT_OF_ORDER,
    /**
     * A non-transactional migration failed or was interrupted and may be half applied, or
     * (repair, baseline) is being run right now by another process.
     */
    INTERRUPTED,
    /**
     * Another process changed the applied migrations between two steps of this command so that
     * the next step no longer fits (SQLite, which locks each transaction, not the whole command).
     */
    CONCURRENT_CHANGE,
    /** A version named in a command is not part of this build, or not a version at all. */
    NOT_IN_BUILD,
    /** A rollback names a migration that is not applied. */
    NOT_APPLIED,
    /** The migration source is not a valid plan (duplicates, unknown dependencies, bad order). */
    INVALID_PLAN,
    /**
     * An option given to {@link Migrator.Builder}, or the JDBC URL, cannot work (a reserved word as
     * a table name, an in-memory SQLite database), or a table the options name belongs to another
     * application.
     */
    INVALID_CONFIGURATION,
    /**
     * The database cannot be reached, or no driver accepts the JDBC URL; or the connection was lost
     * while a migration ran (a {@link MigrationFailedException} of this code: run it again).
     */
    CONNECTION,
    /** The database refuses writes. */
    READ_ONLY,
    /**
     * The generated registry's format is not one this runtime reads: cairn-processor and
     * cairn-runtime are of different versions.
     */
    REGISTRY_FORMAT,
    /** The database is neither SQLite nor PostgreSQL. */
    UNSUPPORTED_DATABASE,
    /** A backup could not be made. */
    BACKUP_FAILED,
    /** Cairn's own bookkeeping (history tables, lock) failed with a database error. */
    DATABASE_ERROR,
    /**
     * A row of a data migration's source could not be read as its handler asked (malformed JSON,
     * an unknown column, {@code NULL} for a primitive): see {@link dev.cairn.runtime.data.BadRowException}.
     */
    BAD_ROW,
    /**
     * A SQL migration's file is missing from the classpath, or differs from the file the registry
     * was compiled with (edited without recompiling): rebuild.
     */
    SQL_RESOURCE,
    /**
     * A database migrated by Flyway cannot be adopted as it is: a file changed since Flyway
     * applied it, a failed Flyway migration, or a version this build does not know.
     */
    FLYWAY_ADOPTION,
    /**
     * A command that only reads found no database: the SQLite file does not exist. Only a migrate
     * creates one, so a mistyped path creates nothing; everything is pending on a database to come.
     */
    NO_DATABASE,
}
