package dev.cairn.processor.sqlcheck;

import com.sun.source.util.Trees;
import dev.cairn.SqlMigrations;
import dev.cairn.processor.model.MigrationModel;
import dev.cairn.processor.model.RepeatableModel;
import dev.cairn.processor.model.SqlScript;
import dev.cairn.processor.report.ValidationReport;
import dev.cairn.processor.sqlfile.SqlDirectoryReader;
import dev.cairn.runtime.internal.sql.SqlFlavor;
import java.util.List;
import java.util.Optional;

/**
 * The compile-time checks of a sound plan's SQL, for the database its {@code @SqlMigrations}
 * names: the lint on every migration (SQL files and the constant SQL of classes), then for
 * SQLite the replay of the whole set on an in-memory database, for PostgreSQL the parse check
 * (of the undo files too).
 * A compilation without {@code @SqlMigrations} names no database, so its classes' SQL is not checked.
 */
public final class SqlChecks {

    private final ValidationReport report;
    private final JavaStatements javaStatements;

    /**
     * @param trees javac's trees, through which the SQL of classes is read; without them only files are checked
     */
    public SqlChecks(ValidationReport report, Optional<Trees> trees) {
        this.report = report;
        this.javaStatements = new JavaStatements(trees);
    }

    /**
     * Checks the plan.
     *
     * @param plan the versioned migrations in plan order, after a clean graph validation
     * @param repeatables the repeatable migrations in name order
     */
    public void check(SqlMigrations.Database database, List<MigrationModel> plan, List<RepeatableModel> repeatables) {
        SqlFlavor flavor = SqlDirectoryReader.flavorOf(database);
        List<MigrationSql> sql = plan.stream().map(migration -> read(migration, flavor)).toList();
        StatementReport statements = new StatementReport(report);
        SqlLint lint = new SqlLint(flavor, statements);
        sql.forEach(lint::check);
        switch (database) {
            case SQLITE -> new SqliteReplay(statements, report).replay(sql, repeatables);
            case POSTGRESQL -> {
                PostgresParseCheck parse = new PostgresParseCheck(statements, report);
                sql.forEach(migration -> parse.check(migration.migration().displayName(), migration.statements()));
                // Undo files run only on rollback, so a mistake in one would otherwise wait for the worst moment.
                plan.forEach(migration -> migration.script().flatMap(SqlScript::undo).ifPresent(undo -> parse.check(
                        undo.resource(), FileStatements.of(migration.element(), migration.annotation(), undo, flavor))));
                repeatables.forEach(repeatable -> parse.check(repeatable.file().resource(), FileStatements.of(
                        repeatable.element(), repeatable.annotation(), repeatable.file(), flavor)));
                parse.finish();
            }
        }
    }

    private MigrationSql read(MigrationModel migration, SqlFlavor flavor) {
        return migration.script()
                .map(script -> new MigrationSql(migration, FileStatements.of(migration.element(), migration.annotation(),
                        script.file(), flavor), Optional.empty()))
                .orElseGet(() -> javaStatements.of(migration, flavor));
    }
}
