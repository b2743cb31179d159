package dev.cairn.processor.sqlcheck;

import dev.cairn.processor.model.MigrationModel;
import dev.cairn.processor.model.RepeatableModel;
import dev.cairn.processor.model.SqlFile;
import dev.cairn.processor.model.SqlScript;
import dev.cairn.processor.report.Message;
import dev.cairn.processor.report.ValidationReport;
import dev.cairn.processor.sqlcheck.MigrationSql.Statement;
import dev.cairn.runtime.internal.sql.SqlFlavor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Replays a SQLite migration set at compile time: every migration in plan order, then the
 * repeatable ones in name order, on an empty in-memory SQLite database, so that a statement
 * that fails there (a typo, a table that no earlier migration creates) is a compile error on
 * its line. The replay stops at the first failure, whose error is the only one (what follows
 * ran on a database it expected to be different), and before a class it cannot follow
 * faithfully (see {@link JavaStatements}), with a note saying where it stopped. A replay that
 * went through then rolls the migrations back through their undo files, newest first, so that an
 * undo file's mistake is found before a rollback needs it.
 */
final class SqliteReplay {

    private final StatementReport statements;
    private final ValidationReport report;

    SqliteReplay(StatementReport statements, ValidationReport report) {
        this.statements = statements;
        this.report = report;
    }

    void replay(List<MigrationSql> plan, List<RepeatableModel> repeatables) {
        try (Connection database = new org.sqlite.JDBC().connect("jdbc:sqlite::memory:", new Properties())) {
            for (MigrationSql migration : plan) {
                Optional<String> unfollowable = migration.notReplayable().or(() -> attachesAFile(migration));
                if (unfollowable.isPresent()) {
                    report.report(Message.SQL_REPLAY_STOPPED, migration.migration(), migration.migration().versionLocus(),
                            migration.migration().displayName(), migration.migration().className() + " cannot be"
                                    + " followed: " + unfollowable.get());
                    return;
                }
                for (Statement statement : migration.statements()) {
                    if (!run(database, statement, Message.SQL_REPLAY_FAILED, migration.migration().displayName())) {
                        return;
                    }
                }
            }
            for (RepeatableModel repeatable : repeatables) {
                for (Statement statement : FileStatements.of(repeatable.element(), repeatable.annotation(),
                        repeatable.file(), SqlFlavor.SQLITE)) {
                    if (!run(database, statement, Message.SQL_REPLAY_FAILED, repeatable.file().resource())) {
                        return;
                    }
                }
            }
            rollBack(database, plan);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open an in-memory SQLite database for the replay", e);
        }
    }

    /** A migration that attaches a database file: replaying it would create that file where javac runs. */
    private static Optional<String> attachesAFile(MigrationSql migration) {
        return migration.statements().stream()
                .map(statement -> new StatementWords(statement.text(), SqlFlavor.SQLITE))
                .filter(words -> words.at(0, "ATTACH"))
                .findFirst()
                .map(words -> "it attaches a database file (ATTACH), which the replay must not create");
    }

    /**
     * Rolls the replayed migrations back, newest first, through their undo files, down to the
     * first one that has none (a class, whose {@code down} the replay does not follow, or an
     * irreversible file): a rollback could not pass it either.
     */
    private void rollBack(Connection database, List<MigrationSql> plan) {
        for (int i = plan.size() - 1; i >= 0; i--) {
            MigrationModel migration = plan.get(i).migration();
            Optional<SqlFile> undo = migration.script().flatMap(SqlScript::undo).filter(file -> migration.reversible());
            if (undo.isEmpty()) {
                return;
            }
            for (Statement statement : FileStatements.of(migration.element(), migration.annotation(), undo.get(),
                    SqlFlavor.SQLITE)) {
                if (!run(database, statement, Message.SQL_UNDO_REPLAY_FAILED, undo.get().resource())) {
                    return;
                }
            }
        }
    }

    /** Runs one statement of the file or migration {@code name}; on failure reports {@code failed} and returns false. */
    private boolean run(Connection database, Statement statement, Message failed, String name) {
        try (java.sql.Statement jdbc = database.createStatement()) {
            jdbc.execute(statement.text());
            return true;
        } catch (SQLException e) {
            statements.report(failed, statement.site(), statement.number(), name, e.getMessage());
            return false;
        }
    }
}
