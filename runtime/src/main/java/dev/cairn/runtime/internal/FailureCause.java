package dev.cairn.runtime.internal;

import dev.cairn.runtime.ConditionsReport;
import dev.cairn.runtime.internal.conditions.ConditionFailed;
import dev.cairn.runtime.spi.DatabaseError;
import dev.cairn.runtime.spi.DatabaseSupport;
import java.sql.SQLException;
import java.util.List;

/**
 * Why a migration failed, as far as its advice is concerned: its own code or SQL, or its
 * surroundings (the connection, a lock another session holds, the server's or the JVM's
 * resources, an operator). Only the first deserves "fix up()".
 */
enum FailureCause {
    /** The migration's own code or SQL. */
    MIGRATION,
    /** The connection or the server went away. */
    CONNECTION,
    /** Another session held a lock the migration needed for too long, or a deadlock was broken. */
    LOCK,
    /** The database server ran out of disk, memory or connections. */
    DATABASE_RESOURCES,
    /** The JVM ran out of memory. */
    JVM_MEMORY,
    /** The migration recursed until the JVM's stack ran out. */
    STACK_OVERFLOW,
    /** An operator or a timeout cancelled the statement. */
    CANCELLED,
    /** It ran past {@code migrationTimeout}, and Cairn cancelled it. */
    TIMED_OUT,
    /**
     * It creates what the database already has, and nothing is applied yet: the database was set
     * up before Cairn ({@link #inContext} decides; {@link #of} says only {@link #MIGRATION}).
     */
    EXISTING_SCHEMA,
    /** A precondition failed: the database is not in the state the migration expects. */
    PRECONDITION,
    /** A postcondition failed: the migration's {@code up()} did not do what it promises. */
    POSTCONDITION;

    /** The cause of {@code error}, thrown by a migration on the database {@code support} serves. */
    static FailureCause of(Throwable error, DatabaseSupport support) {
        if (error instanceof ConditionFailed condition) {
            // A check that could not run because of its surroundings (a lost connection) is not the condition's failure.
            FailureCause around = condition.getCause() == null ? MIGRATION : of(condition.getCause(), support);
            return around != MIGRATION ? around
                    : condition.phase() == ConditionsReport.Phase.PRECONDITIONS ? PRECONDITION : POSTCONDITION;
        }
        if (error instanceof TimedOut) {
            return TIMED_OUT;
        }
        if (error instanceof OutOfMemoryError) {
            return JVM_MEMORY;
        }
        if (error instanceof StackOverflowError) {
            return STACK_OVERFLOW;
        }
        SQLException sql = SqlErrors.find(error);
        if (sql == null) {
            return MIGRATION;
        }
        DatabaseError kind = support.classify(sql);
        return kind == DatabaseError.OTHER ? ofSqlState(sql.getSQLState()) : of(kind);
    }

    /**
     * {@link #of}, knowing whether any migration is applied: a first migration failing on objects
     * that already exist finds a schema made before Cairn, which baseline is for; a later one has a
     * bug of its own.
     */
    static FailureCause inContext(Throwable error, DatabaseSupport support, boolean nothingApplied) {
        FailureCause cause = of(error, support);
        if (cause == MIGRATION && nothingApplied && alreadyExists(error, support)) {
            return EXISTING_SCHEMA;
        }
        return cause;
    }

    private static boolean alreadyExists(Throwable error, DatabaseSupport support) {
        SQLException sql = SqlErrors.find(error);
        if (sql == null) {
            return false;
        }
        String state = String.valueOf(sql.getSQLState());
        // duplicate_table, duplicate_object, duplicate_column, duplicate_schema, duplicate_function
        return support.classify(sql) == DatabaseError.ALREADY_EXISTS
                || List.of("42P07", "42710", "42701", "42P06", "42723").contains(state);
    }

    private static FailureCause of(DatabaseError kind) {
        return switch (kind) {
            case LOCK -> LOCK;
            case CONNECTION -> CONNECTION;
            case RESOURCES -> DATABASE_RESOURCES;
            case CANCELLED -> CANCELLED;
            case ALREADY_EXISTS, OTHER -> MIGRATION;
        };
    }

    /** By the standard SQLState classes, and the few PostgreSQL codes within them that say more. */
    private static FailureCause ofSqlState(String state) {
        if (state == null || state.length() != 5) {
            return MIGRATION;
        }
        return switch (state) {
            // admin_shutdown, crash_shutdown, cannot_connect_now
            case "57P01", "57P02", "57P03" -> CONNECTION;
            // query_canceled
            case "57014" -> CANCELLED;
            // lock_not_available, deadlock_detected, serialization_failure
            case "55P03", "40P01", "40001" -> LOCK;
            // io_error
            case "58030" -> DATABASE_RESOURCES;
            default -> switch (state.substring(0, 2)) {
                case "08" -> CONNECTION;
                case "53" -> DATABASE_RESOURCES;
                default -> MIGRATION;
            };
        };
    }
}
