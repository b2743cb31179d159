package dev.cairn.runtime;

import dev.cairn.MigrationVersion;
import java.util.Optional;

/**
 * A migration failed while running. Its transaction was rolled back (unless it is
 * non-transactional), a {@code FAIL} row was added to the log, and migrations applied before it
 * stay applied. Carries the facts: which migration, the failing statement and the SQLState.
 */
public class MigrationFailedException extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final transient MigrationDescriptor migration;
    private final String statement;
    private final String sqlState;

    /**
     * For the engine, which reports each failure through a subclass of its own.
     *
     * @param code {@link ErrorCode#MIGRATION_FAILED}, or what failed it when that was not its own
     *     doing: {@link ErrorCode#LOCK_TIMEOUT}, {@link ErrorCode#CONNECTION}
     * @param statement the failing statement, or {@code null}
     * @param sqlState the database's SQLState, or {@code null}
     */
    protected MigrationFailedException(ErrorCode code, MigrationDescriptor migration, String statement, String sqlState,
            String message, Throwable cause) {
        super(code, message, cause);
        this.migration = migration;
        this.statement = statement;
        this.sqlState = sqlState;
    }

    /** The migration that failed. */
    public MigrationDescriptor migration() {
        return migration;
    }

    /** The failed migration's version. */
    public MigrationVersion version() {
        return migration.version();
    }

    /** The statement that failed, if the failure came from a statement run through the context. */
    public Optional<String> statement() {
        return Optional.ofNullable(statement);
    }

    /** The database's SQLState, if the failure was a database error. */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }
}
