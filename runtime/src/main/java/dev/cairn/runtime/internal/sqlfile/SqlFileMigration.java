package dev.cairn.runtime.internal.sqlfile;

import dev.cairn.runtime.IrreversibleMigrationException;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.RepeatableMigration;
import dev.cairn.runtime.internal.SqlFiles;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The step of a SQL-file migration: {@code up} runs its file, {@code down} its undo file, each
 * read and checked when it runs.
 */
public final class SqlFileMigration implements JavaMigration {

    private final SqlResource up;
    private final SqlResource undo;
    private final boolean repeatable;

    /**
     * @param undo the undo file, or null when the migration has none
     * @param repeatable whether it is a repeatable migration, which messages name by its name, not by a version
     */
    public SqlFileMigration(SqlResource up, SqlResource undo, boolean repeatable) {
        this.up = up;
        this.undo = undo;
        this.repeatable = repeatable;
    }

    /**
     * Reads and checks the files that running {@code migrations} would run (their undo files for
     * a rollback) before the command changes anything, so that a stale or missing file stops it
     * before the first migration, not half way. The descriptors of SQL migrations name their
     * file as their class, which is how they are told apart without creating Java steps early.
     */
    public static void checkFiles(List<MigrationDescriptor> migrations, boolean undo) {
        for (MigrationDescriptor m : migrations) {
            if (m.className().endsWith(".sql") && m.newStep() instanceof SqlFileMigration step) {
                SqlResource file = undo ? step.undo : step.up;
                if (file != null) {
                    file.read(named(m));
                }
            }
        }
    }

    /** Reads and checks the files of {@code repeatables} before any of them runs, as {@link #checkFiles} does. */
    public static void checkRepeatableFiles(List<RepeatableMigration> repeatables) {
        repeatables.forEach(SqlFileMigration::text);
    }

    /**
     * The text of {@code m}'s file, read and checked as {@link #checkFiles} does, or empty when
     * {@code m} is not a SQL migration.
     */
    public static Optional<String> text(MigrationDescriptor m) {
        return m.className().endsWith(".sql") && m.newStep() instanceof SqlFileMigration step
                ? Optional.of(step.up.read(named(m))) : Optional.empty();
    }

    /** The text of {@code r}'s file, read and checked, or empty when it is not a SQL file. */
    public static Optional<String> text(RepeatableMigration r) {
        return r.resource().endsWith(".sql") && r.newStep() instanceof SqlFileMigration step
                ? Optional.of(step.up.read(repeatableNamed(r.name()))) : Optional.empty();
    }

    @Override
    public void up(MigrationContext ctx) throws SQLException {
        run(ctx, up);
    }

    @Override
    public void down(MigrationContext ctx) throws SQLException {
        if (undo == null) {
            throw new IrreversibleMigrationException(ctx.migration());
        }
        run(ctx, undo);
    }

    /** How messages name the migration a file belongs to. */
    private static String named(MigrationDescriptor m) {
        return "migration " + m.displayName();
    }

    private static String repeatableNamed(String name) {
        return "repeatable migration \"" + name + "\"";
    }

    private void run(MigrationContext ctx, SqlResource file) throws SQLException {
        // A repeatable migration's context holds a stand-in descriptor whose description is its name.
        String sql = file.read(repeatable ? repeatableNamed(ctx.migration().description()) : named(ctx.migration()));
        if (ctx instanceof SqlFiles files) {
            files.executeFile(sql, file.path());
        } else {
            ctx.execute(sql);
        }
    }
}
