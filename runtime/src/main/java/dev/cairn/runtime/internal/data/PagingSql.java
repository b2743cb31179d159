package dev.cairn.runtime.internal.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The queries of a data migration over its source: one batch by keyset pagination (the key
 * compared as a tuple, {@code (a, b) >= (?, ?)}, which SQLite 3.15+ and PostgreSQL both read;
 * never {@code OFFSET}), the count, and the key-only scan that splits the key space into ranges.
 */
final class PagingSql {

    private final BatchPlan plan;
    private final String columns;
    private final String keyList;
    private final String keyTuple;
    private final String params;

    PagingSql(BatchPlan plan) {
        this.plan = plan;
        List<String> selected = new ArrayList<>(plan.columns());
        if (!selected.isEmpty()) {
            List<String> lower = selected.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
            plan.key().stream().filter(k -> !lower.contains(k.toLowerCase(Locale.ROOT))).forEach(selected::add);
        }
        this.columns = selected.isEmpty() ? "*" : String.join(", ", selected);
        this.keyList = String.join(", ", plan.key());
        boolean single = plan.key().size() == 1;
        this.keyTuple = single ? keyList : "(" + keyList + ")";
        String marks = String.join(", ", Collections.nCopies(plan.key().size(), "?"));
        this.params = single ? marks : "(" + marks + ")";
    }

    /**
     * One batch: the rows from {@code from} (inclusive, so that a repeated key at the boundary is
     * seen) up to {@code upTo} (inclusive), in key order.
     */
    String page(boolean from, boolean upTo, int limit) {
        List<String> conditions = new ArrayList<>();
        if (plan.where() != null) {
            conditions.add("(" + plan.where() + ")");
        }
        if (from) {
            conditions.add(keyTuple + " >= " + params);
        }
        if (upTo) {
            conditions.add(keyTuple + " <= " + params);
        }
        return "SELECT " + columns + " FROM " + plan.source() + where(conditions) + " ORDER BY " + keyList + " LIMIT " + limit;
    }

    /** The number of rows to do. */
    String count() {
        return "SELECT COUNT(*) FROM " + plan.source() + where(plan.where() == null ? List.of() : List.of("(" + plan.where() + ")"));
    }

    /** The number of rows whose key has a {@code NULL}, which keyset pagination would never reach. */
    String nullKeys() {
        List<String> conditions = new ArrayList<>();
        if (plan.where() != null) {
            conditions.add("(" + plan.where() + ")");
        }
        conditions.add("(" + String.join(" OR ", plan.key().stream().map(k -> k + " IS NULL").toList()) + ")");
        return "SELECT COUNT(*) FROM " + plan.source() + where(conditions);
    }

    /** Every key, in order: streamed once to split the key space into ranges. */
    String keys() {
        return "SELECT " + keyList + " FROM " + plan.source()
                + where(plan.where() == null ? List.of() : List.of("(" + plan.where() + ")")) + " ORDER BY " + keyList;
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
}
