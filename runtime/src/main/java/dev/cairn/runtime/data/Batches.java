package dev.cairn.runtime.data;

import dev.cairn.runtime.internal.data.BatchPlan;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The work of a {@link DataMigration}: which rows to go through, how, and what to do with each.
 * Immutable; each method returns a new description.
 *
 * <pre>{@code
 * Batches.from("humanoid_robots")
 *         .select("id", "name", "configuration")
 *         .where("configuration IS NOT NULL")
 *         .key("id")
 *         .size(1_000)
 *         .onError(OnError.QUARANTINE)
 *         .each((row, batch) -> ...);
 * }</pre>
 *
 * <p>Rows are read in batches in the order of their {@linkplain #key key}, each batch after the
 * last key of the one before ({@code WHERE (a, b) > (?, ?) ORDER BY a, b LIMIT n}: keyset
 * pagination, never {@code OFFSET}), so every batch costs the same however far the run got, and
 * memory holds one batch whatever the table's size. Each batch is one transaction with its
 * checkpoint; an interrupted run resumes after the last committed batch.
 */
public final class Batches {

    private final BatchPlan plan;

    private Batches(BatchPlan plan) {
        this.plan = plan;
    }

    /** Goes through the rows of a table (or a view), which may be qualified with its schema. */
    public static Batches from(String table) {
        return new Batches(BatchPlan.of(requireText(table, "from"), null));
    }

    /**
     * Goes through the rows of a query, such as a join, which Cairn wraps as a subquery:
     * {@link #select}, {@link #where} and {@link #key} then name the query's result columns.
     * It must not end with a semicolon or have its own {@code ORDER BY} or {@code LIMIT}.
     */
    public static Batches fromQuery(String query) {
        return new Batches(BatchPlan.of(null, requireText(query, "fromQuery")));
    }

    /** The columns to read (default: all); the key columns are read in any case. */
    public Batches select(String... columns) {
        return change(d -> d.columns = List.of(columns));
    }

    /** Only the rows that meet a SQL condition, such as {@code "configuration IS NOT NULL"}. */
    public Batches where(String condition) {
        return change(d -> d.where = requireText(condition, "where"));
    }

    /**
     * The key the rows are paged by: one or more columns whose values are unique and never
     * {@code NULL} together, such as the primary key; several columns are compared as a tuple.
     * Required. Index it: each batch seeks to the key where the last one ended. Values of the
     * types JDBC gives for integers, decimals, text, UUIDs, dates and timestamps are kept in the
     * checkpoint as they are. A {@code NULL} key or a key found twice fails the migration.
     */
    public Batches key(String... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("key(): name at least one column, such as key(\"id\")");
        }
        for (String column : columns) {
            requireText(column, "key");
        }
        return change(d -> d.key = List.of(columns));
    }

    /**
     * Rows per batch (default 1,000); with {@link #adaptive}, the size it starts from. A batch is
     * held in memory while its writes are buffered, so keep rows times row size modest.
     */
    public Batches size(int rows) {
        if (rows < 1 || rows > 1_000_000) {
            throw new IllegalArgumentException("size(" + rows + "): give between 1 and 1,000,000 rows per batch");
        }
        return change(d -> d.size = rows);
    }

    /**
     * Adapts the batch size after each batch toward batches that take {@code target} (such as
     * one second), from a tenth of {@link #size} to ten times it, changing it by at most half or
     * double at a time.
     */
    public Batches adaptive(Duration target) {
        return change(d -> d.adaptiveTarget = requirePositive(target, "adaptive"));
    }

    /**
     * Runs with {@code n} workers (default 1), each on its own connection: the key space is split
     * into ranges (with one key-only scan), which workers claim one batch at a time through the
     * database ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL), so that several threads share the
     * work, and on PostgreSQL so do other instances whose migrate waits for the migration lock
     * meanwhile: they take part until no range is left, and the instance holding the lock records
     * the migration. Rows are then processed in no overall order; each exactly once. The handler
     * must be safe to call from several threads. SQLite has one writer at a time: its workers
     * take turns, which is correct but not faster.
     */
    public Batches workers(int n) {
        if (n < 1 || n > 64) {
            throw new IllegalArgumentException("workers(" + n + "): give between 1 and 64 workers");
        }
        return change(d -> d.workers = n);
    }

    /** What to do with a row that fails (default {@link OnError#FAIL}). */
    public Batches onError(OnError policy) {
        return change(d -> d.onError = Objects.requireNonNull(policy, "onError"));
    }

    /** Waits this long between two batches of a worker, to leave the database room for other work. */
    public Batches pause(Duration pause) {
        if (pause == null || pause.isNegative()) {
            throw new IllegalArgumentException("pause(" + pause + "): give a duration such as Duration.ofMillis(100)");
        }
        return change(d -> d.pause = pause);
    }

    /** Asks {@code throttle} before each batch whether to hold off, such as while a replica lags. */
    public Batches throttle(Throttle throttle) {
        return change(d -> d.throttle = Objects.requireNonNull(throttle, "throttle"));
    }

    /**
     * The number of rows, if known, for progress. Without it Cairn counts them ({@code COUNT(*)})
     * or, for a plain table on PostgreSQL, estimates them from the catalog.
     */
    public Batches total(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("total(" + rows + "): a number of rows is not negative");
        }
        return change(d -> d.total = rows);
    }

    /**
     * This migration's timeout, instead of the migrator's {@code migrationTimeout}: past it, the
     * batch under way rolls back, the committed ones stay, and the next migrate resumes.
     */
    public Batches timeout(Duration timeout) {
        return change(d -> d.timeout = requirePositive(timeout, "timeout"));
    }

    /** The work for each row. Required. */
    public Batches each(RowHandler handler) {
        return change(d -> d.handler = Objects.requireNonNull(handler, "each"));
    }

    /** What the engine reads. */
    BatchPlan plan() {
        return plan;
    }

    private Batches change(Consumer<BatchPlan.Draft> edit) {
        BatchPlan.Draft draft = plan.draft();
        edit.accept(draft);
        return new Batches(draft.build());
    }

    private static String requireText(String text, String method) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(method + "(): give a non-empty SQL name or text, not " + text);
        }
        return text;
    }

    private static Duration requirePositive(Duration duration, String method) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(method + "(" + duration + "): give a positive duration such as Duration.ofSeconds(1)");
        }
        return duration;
    }

    @Override
    public String toString() {
        return "Batches over " + plan.describeSource() + " by key " + plan.key();
    }
}
