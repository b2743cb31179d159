package dev.cairn.runtime.internal.conditions;

import dev.cairn.runtime.Checks;
import dev.cairn.runtime.ConditionsReport;
import dev.cairn.runtime.ConditionsReport.Phase;
import dev.cairn.runtime.Database;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.RowMapper;
import dev.cairn.runtime.internal.conditions.Catalog.Column;
import dev.cairn.runtime.internal.conditions.Catalog.Relation;
import dev.cairn.runtime.internal.conditions.CheckQueries.SingleValue;
import dev.cairn.runtime.internal.report.CheckResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@link Checks} of one run of a migration's conditions: runs each check's queries on the
 * migration's connection (unrecorded: they are not the migration's statements), records its
 * outcome, and throws at the first failure, which it remembers so that the failure stands even
 * if the conditions catch it. Refuses use once the conditions method has returned.
 */
final class RecordedChecks implements Checks {

    /** How many rows a failed {@link #none} shows. */
    private static final int SHOWN_ROWS = 5;

    private final Phase phase;
    private final CheckQueries queries;
    private final Database database;
    private final MigrationDescriptor migration;
    private final Catalog catalog;
    private final List<ConditionsReport.Check> results = new ArrayList<>();
    private ConditionFailed failure;
    private volatile boolean ended;

    RecordedChecks(Phase phase, Supplier<Connection> connection, Database database, MigrationDescriptor migration) {
        this.phase = phase;
        this.queries = new CheckQueries(connection);
        this.database = database;
        this.migration = migration;
        this.catalog = new Catalog(connection);
    }

    /** A check's work, which may fail with a database error. */
    @FunctionalInterface
    private interface Probe {
        Outcome run() throws SQLException;
    }

    /** What a check found, and whether that is what it expected. */
    private record Outcome(boolean ok, String found) {
    }

    @Override
    public Database database() {
        return database;
    }

    @Override
    public MigrationDescriptor migration() {
        return migration;
    }

    @Override
    public void tableExists(String table) {
        check("table " + named("tableExists", table) + " exists", "a table " + table, () -> catalog.relation(table)
                .map(r -> new Outcome(!r.view(), r.shown()))
                .orElse(new Outcome(false, "no table of that name")));
    }

    @Override
    public void tableMissing(String table) {
        check("table " + named("tableMissing", table) + " is missing", "no table or view " + table, () -> catalog.relation(table)
                .map(r -> new Outcome(false, r.shown()))
                .orElse(new Outcome(true, "none")));
    }

    @Override
    public void columnExists(String table, String column) {
        check("column " + named("columnExists", table) + "." + named("columnExists", column) + " exists",
                "a column " + column + " in table " + table, () -> withColumns(table, columns -> Catalog.find(columns, column)
                        .map(c -> new Outcome(true, "column " + c.name() + " (" + c.type() + ")"))
                        .orElse(new Outcome(false, "no such column; its columns are "
                                + String.join(", ", columns.stream().map(Column::name).toList())))));
    }

    @Override
    public void columnMissing(String table, String column) {
        check("column " + named("columnMissing", table) + "." + named("columnMissing", column) + " is missing",
                "table " + table + " without a column " + column, () -> withColumns(table, columns -> Catalog.find(columns, column)
                        .map(c -> new Outcome(false, "column " + c.name() + " (" + c.type() + ")"))
                        .orElse(new Outcome(true, "no such column"))));
    }

    /** Looks at the columns of a table; a missing table fails the check. */
    private Outcome withColumns(String table, ColumnsProbe probe) throws SQLException {
        Optional<Relation> relation = catalog.relation(table);
        return relation.isEmpty() ? new Outcome(false, "no table " + table) : probe.run(catalog.columns(relation.get()));
    }

    @FunctionalInterface
    private interface ColumnsProbe {
        Outcome run(List<Column> columns);
    }

    @Override
    public void none(String name, String sql, Object... params) {
        check(named("none", name), "no row from " + named("none", sql), () -> {
            List<String> rows = queries.rows(sql, params, SHOWN_ROWS + 1, Values::row);
            if (rows.isEmpty()) {
                return new Outcome(true, "none");
            }
            String count = rows.size() > SHOWN_ROWS ? "more than " + SHOWN_ROWS + " rows, the first " + SHOWN_ROWS
                    : rows.size() + (rows.size() == 1 ? " row" : " rows");
            return new Outcome(false, count + ": " + String.join("; ", rows.subList(0, Math.min(SHOWN_ROWS, rows.size()))));
        });
    }

    @Override
    public void count(String name, String sql, long expected, Object... params) {
        check(named("count", name), expected + " from " + named("count", sql), () -> {
            SingleValue found = queries.single(sql, params);
            if (found.problem() != null) {
                return new Outcome(false, found.problem());
            }
            return found.value() instanceof Number
                    ? new Outcome(Values.same(expected, found.value()), Values.shown(found.value()))
                    : new Outcome(false, Values.shown(found.value()) + ", not a number");
        });
    }

    @Override
    public void value(String name, String sql, Object expected, Object... params) {
        check(named("value", name), Values.shown(expected) + " from " + named("value", sql), () -> {
            SingleValue found = queries.single(sql, params);
            return found.problem() != null ? new Outcome(false, found.problem())
                    : new Outcome(Values.same(expected, found.value()), Values.shown(found.value()));
        });
    }

    @Override
    public void equal(String name, String sql, String otherSql) {
        check(named("equal", name), "the same value from " + named("equal", sql) + " and from " + named("equal", otherSql), () -> {
            SingleValue one = queries.single(sql);
            SingleValue other = queries.single(otherSql);
            if (one.problem() != null || other.problem() != null) {
                return new Outcome(false, (one.problem() != null ? one.problem() : Values.shown(one.value())) + " and "
                        + (other.problem() != null ? other.problem() : Values.shown(other.value())));
            }
            return Values.same(one.value(), other.value())
                    ? new Outcome(true, Values.shown(one.value()) + " from both")
                    : new Outcome(false, Values.shown(one.value()) + " and " + Values.shown(other.value()));
        });
    }

    @Override
    public void integrity() {
        for (Integrity.Probe probe : Integrity.probes(database, migration)) {
            check(probe.name(), probe.expected(), () -> {
                List<String> problems = new ArrayList<>();
                for (List<Object> row : queries.rows(probe.sql(), new Object[0], Integer.MAX_VALUE, CheckQueries::columns)) {
                    String problem = probe.row().of(row);
                    if (problem != null) {
                        problems.add(problem);
                    }
                }
                return problems.isEmpty() ? new Outcome(true, probe.expected()) : new Outcome(false, problems.size()
                        + (problems.size() == 1 ? " problem: " : " problems: ")
                        + String.join("; ", problems.subList(0, Math.min(SHOWN_ROWS, problems.size())))
                        + (problems.size() > SHOWN_ROWS ? "; ..." : ""));
            });
        }
    }

    @Override
    public void that(String name, boolean ok, String found) {
        check(named("that", name), "", () -> new Outcome(ok, String.valueOf(found)));
    }

    @Override
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        ensureOpen();
        return queries.rows(sql, params, Integer.MAX_VALUE, mapper);
    }

    @Override
    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        ensureOpen();
        List<T> rows = queries.rows(sql, params, 2, mapper);
        if (rows.size() > 1) {
            throw new SQLException("expected at most one row but the query returned more: " + sql);
        }
        return rows.stream().findFirst();
    }

    /**
     * Runs one check and records its outcome: a failure is thrown, and so is a check that could not
     * run, naming it.
     */
    private void check(String name, String expected, Probe probe) {
        ensureOpen();
        Outcome outcome;
        try {
            outcome = probe.run();
        } catch (SQLException | RuntimeException e) {
            results.add(new CheckResult(name, false, expected, "an error: " + e.getMessage()));
            throw remember(ConditionFailed.couldNotRun(phase, name, e));
        }
        results.add(new CheckResult(name, outcome.ok(), expected, outcome.found()));
        if (!outcome.ok()) {
            throw remember(ConditionFailed.failed(phase, name, expected, outcome.found()));
        }
    }

    private ConditionFailed remember(ConditionFailed failed) {
        if (failure == null) {
            failure = failed;
        }
        return failed;
    }

    private void ensureOpen() {
        if (ended) {
            throw new MigrationException(ErrorCode.MIGRATION_FAILED, "Migration " + migration.displayName() + " used the"
                    + " Checks of its " + ConditionFailed.method(phase) + " after that method had returned, which Cairn"
                    + " refuses: check everything inside it (and wait there for any thread that checks).");
        }
    }

    /** Refuses a missing argument of a check, naming the migration and the method. */
    private String named(String method, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Migration " + migration.displayName() + " calls " + method + "() in its "
                    + ConditionFailed.method(phase) + " with " + (value == null ? "a null" : "a blank") + " argument: give"
                    + " every check its name, table, column or query.");
        }
        return value;
    }

    /** Which of the migration's conditions these checks are. */
    Phase phase() {
        return phase;
    }

    /** Ends the use of these checks: what the conditions method calls after it returned is refused. */
    void end() {
        ended = true;
    }

    /** The first check that failed, even if the conditions caught it; {@code null} if none did. */
    ConditionFailed failure() {
        return failure;
    }

    /** Every check that ran, in order. */
    List<ConditionsReport.Check> results() {
        return List.copyOf(results);
    }
}
