package dev.cairn.processor.sqlcheck;

import dev.cairn.processor.model.MigrationModel;
import dev.cairn.processor.report.Message;
import dev.cairn.processor.sqlcheck.MigrationSql.Site;
import dev.cairn.processor.sqlcheck.MigrationSql.Statement;
import dev.cairn.runtime.internal.sql.SqlFlavor;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Warns of statements that hurt a live database: they lock or rewrite a table that is in use,
 * or break the application still running against it. Each warning names the table, says why,
 * gives the safe alternative, and can be silenced for the statement or the migration.
 *
 * <p>A table "in use" is one the migration did not create itself (earlier in its own
 * statements): a table made by an earlier migration, or by none Cairn knows of. The locking rules
 * are PostgreSQL's and apply only there; SQLite has no concurrent index build, constraint
 * validation or column type change, so nothing safer could be advised. Renames and drops in a
 * reversible migration hurt on both. {@code CONCURRENTLY} in a transactional migration is an
 * error, not a warning: PostgreSQL refuses it.
 */
final class SqlLint {

    private final SqlFlavor flavor;
    private final boolean postgres;
    private final StatementReport report;

    SqlLint(SqlFlavor flavor, StatementReport report) {
        this.flavor = flavor;
        this.postgres = flavor == SqlFlavor.POSTGRESQL;
        this.report = report;
    }

    /** Lints the statements of one migration. */
    void check(MigrationSql sql) {
        Set<String> created = new HashSet<>();
        for (Statement statement : sql.statements()) {
            check(sql.migration(), statement, new StatementWords(statement.text(), flavor), created);
        }
    }

    private void check(MigrationModel migration, Statement statement, StatementWords words, Set<String> created) {
        if (words.at(0, "CREATE")) {
            create(migration, statement, words, created);
        } else if (words.at(0, "ALTER", "TABLE")) {
            alterTable(migration, statement, words, created);
        } else if (words.at(0, "DROP", "TABLE") && migration.reversible()) {
            int i = words.skip(2, "IF", "EXISTS");
            for (int part : words.partsFrom(i)) {
                String table = words.nameAt(part).name();
                if (!created.contains(table)) {
                    report.warn(Message.LINT_DROP_IN_REVERSIBLE, migration, statement, migration.displayName(),
                            "table " + table, irreversibleAdvice(statement));
                }
            }
        }
        boolean concurrently = words.at(0, "DROP", "INDEX", "CONCURRENTLY")
                || words.at(0, "REINDEX") && words.contains(0, words.size(), "CONCURRENTLY")
                || words.at(0, "ALTER", "TABLE") && words.contains(0, words.size(), "DETACH", "PARTITION")
                        && words.contains(0, words.size(), "CONCURRENTLY");
        if (concurrently) {
            concurrently(migration, statement);
        }
    }

    private void create(MigrationModel migration, Statement statement, StatementWords words, Set<String> created) {
        int table = words.skip(words.skip(words.skip(words.skip(1, "OR", "REPLACE"), "TEMP"), "TEMPORARY"), "UNLOGGED");
        if (words.at(table, "TABLE")) {
            created.add(words.nameAt(words.skip(table + 1, "IF", "NOT", "EXISTS")).name());
            return;
        }
        int index = words.skip(1, "UNIQUE");
        if (!words.at(index, "INDEX")) {
            return;
        }
        boolean concurrently = words.at(index + 1, "CONCURRENTLY");
        int on = index + 1;
        while (on < words.size() && !words.at(on, "ON")) {
            on++;
        }
        String target = words.nameAt(words.skip(on + 1, "ONLY")).name();
        if (concurrently) {
            concurrently(migration, statement);
        } else if (postgres && !created.contains(target)) {
            report.warn(Message.LINT_CREATE_INDEX, migration, statement, migration.displayName(), target);
        }
    }

    private void concurrently(MigrationModel migration, Statement statement) {
        if (postgres && migration.transactional()) {
            report.report(Message.LINT_CONCURRENTLY_IN_TRANSACTION, statement.site(), migration.displayName(),
                    statement.site() instanceof Site.InFile ? "-- cairn: transactional=false in its header"
                            : "@Migration(..., transactional = false)");
        }
    }

    private void alterTable(MigrationModel migration, Statement statement, StatementWords words, Set<String> created) {
        StatementWords.Name name = words.nameAt(words.skip(words.skip(2, "IF", "EXISTS"), "ONLY"));
        String table = name.name();
        if (created.contains(table)) {
            // The migration's own new table is in nobody's use yet, under its new name too.
            int rename = name.end();
            if (words.at(rename, "RENAME", "TO")) {
                created.add(words.nameAt(rename + 2).name());
            }
            return;
        }
        List<Integer> parts = words.partsFrom(name.end());
        for (int p = 0; p < parts.size(); p++) {
            int start = parts.get(p);
            int end = p + 1 < parts.size() ? parts.get(p + 1) - 1 : words.size();
            action(migration, statement, words, table, start, end);
        }
    }

    private void action(MigrationModel migration, Statement statement, StatementWords words, String table, int start, int end) {
        if (words.at(start, "RENAME")) {
            if (words.at(start + 1, "TO")) {
                report.warn(Message.LINT_RENAME, migration, statement, migration.displayName(), "table " + table);
            } else if (!words.at(start + 1, "CONSTRAINT")) {
                String column = words.nameAt(words.skip(start + 1, "COLUMN")).name();
                report.warn(Message.LINT_RENAME, migration, statement, migration.displayName(),
                        "column " + column + " of " + table);
            }
        } else if (words.at(start, "DROP") && !words.at(start + 1, "CONSTRAINT") && migration.reversible()) {
            String column = words.nameAt(words.skip(words.skip(start + 1, "COLUMN"), "IF", "EXISTS")).name();
            report.warn(Message.LINT_DROP_IN_REVERSIBLE, migration, statement, migration.displayName(),
                    "column " + column + " of " + table, irreversibleAdvice(statement));
        } else if (postgres && words.at(start, "ADD")) {
            add(migration, statement, words, table, start, end);
        } else if (postgres && words.at(start, "ALTER")) {
            int after = words.nameAt(words.skip(start + 1, "COLUMN")).end();
            if (words.at(after, "TYPE") || words.at(after, "SET", "DATA", "TYPE")) {
                report.warn(Message.LINT_ALTER_COLUMN_TYPE, migration, statement, migration.displayName(), table);
            } else if (words.at(after, "SET", "NOT", "NULL")) {
                report.warn(Message.LINT_SET_NOT_NULL, migration, statement, migration.displayName(), table);
            }
        }
    }

    private void add(MigrationModel migration, Statement statement, StatementWords words, String table, int start, int end) {
        int what = start + 1;
        if (words.at(what, "CONSTRAINT")) {
            what += 2;
        }
        if (words.at(what, "FOREIGN", "KEY") || words.at(what, "CHECK")) {
            if (!words.contains(what, end, "NOT", "VALID")) {
                report.warn(Message.LINT_CONSTRAINT_WITHOUT_NOT_VALID, migration, statement, migration.displayName(), table);
            }
            return;
        }
        if (what != start + 1 || words.at(what, "PRIMARY") || words.at(what, "UNIQUE") || words.at(what, "EXCLUDE")) {
            return; // a named or table constraint, not a column
        }
        int column = words.skip(words.skip(what, "COLUMN"), "IF", "NOT", "EXISTS");
        String type = words.get(words.nameAt(column).end());
        boolean hasDefault = words.contains(column, end, "DEFAULT") || words.contains(column, end, "GENERATED")
                || type.endsWith("SERIAL");
        if (words.contains(column, end, "NOT", "NULL") && !hasDefault) {
            report.warn(Message.LINT_ADD_NOT_NULL_COLUMN, migration, statement, migration.displayName(), table);
        }
    }

    private static String irreversibleAdvice(Statement statement) {
        return statement.site() instanceof Site.InFile ? "delete its undo file" : "@Migration(..., reversible = false)";
    }
}
