package dev.cairn.runtime.internal.data;

import dev.cairn.runtime.data.OnError;
import dev.cairn.runtime.data.RowHandler;
import dev.cairn.runtime.data.Throttle;
import java.time.Duration;
import java.util.List;

/**
 * What a {@link dev.cairn.runtime.data.Batches} describes, as the engine reads it. Exactly one of
 * {@code table} and {@code query} is set.
 *
 * @param columns the columns to read; empty for all
 * @param where a condition on the source's rows, or {@code null}
 * @param adaptiveTarget the batch duration to adapt the size toward, or {@code null} for a fixed size
 * @param pause the wait between two batches of a worker, {@link Duration#ZERO} for none
 * @param throttle asked before each batch, or {@code null}
 * @param total the number of rows the user says there are, or {@code null} to count or estimate
 * @param handler the work per row, or {@code null} if none was given
 * @param timeout this migration's own timeout, or {@code null} for the migrator's
 */
public record BatchPlan(String table, String query, List<String> columns, String where, List<String> key, int size,
        Duration adaptiveTarget, int workers, OnError onError, Duration pause, Throttle throttle, Long total,
        RowHandler handler, Duration timeout) {

    /** The default number of rows in a batch. */
    public static final int DEFAULT_SIZE = 1_000;

    public BatchPlan {
        columns = List.copyOf(columns);
        key = List.copyOf(key);
    }

    /** A plan over a table or a query, with every other setting at its default. */
    public static BatchPlan of(String table, String query) {
        return new BatchPlan(table, query, List.of(), null, List.of(), DEFAULT_SIZE, null, 1, OnError.FAIL, Duration.ZERO,
                null, null, null, null);
    }

    /** This plan with {@code rows} per batch; an adaptive one starts from it. */
    public BatchPlan withSize(int rows) {
        Draft draft = draft();
        draft.size = rows;
        return draft.build();
    }

    /** A changeable copy, for {@link dev.cairn.runtime.data.Batches}'s fluent methods. */
    public Draft draft() {
        Draft draft = new Draft();
        draft.table = table;
        draft.query = query;
        draft.columns = columns;
        draft.where = where;
        draft.key = key;
        draft.size = size;
        draft.adaptiveTarget = adaptiveTarget;
        draft.workers = workers;
        draft.onError = onError;
        draft.pause = pause;
        draft.throttle = throttle;
        draft.total = total;
        draft.handler = handler;
        draft.timeout = timeout;
        return draft;
    }

    /** A plan being changed: one setting at a time, then {@link #build()}. */
    public static final class Draft {
        public String table;
        public String query;
        public List<String> columns;
        public String where;
        public List<String> key;
        public int size;
        public Duration adaptiveTarget;
        public int workers;
        public OnError onError;
        public Duration pause;
        public Throttle throttle;
        public Long total;
        public RowHandler handler;
        public Duration timeout;

        public BatchPlan build() {
            return new BatchPlan(table, query, columns, where, key, size, adaptiveTarget, workers, onError, pause, throttle,
                    total, handler, timeout);
        }
    }

    /** The source as the engine's queries name it. */
    String source() {
        return table != null ? table : "(" + query + ") cairn_source";
    }

    /** How a message names the source. */
    public String describeSource() {
        return table != null ? "table " + table : "query " + query;
    }
}
