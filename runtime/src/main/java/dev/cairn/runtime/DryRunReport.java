package dev.cairn.runtime;

import java.util.List;

/**
 * What {@link Migrator#dryRun()} found: the migrations {@code migrate} would apply, each with the
 * statements it ran inside a transaction that was then rolled back. Non-transactional migrations
 * cannot run inside that transaction, so they are listed without statements in
 * {@link #notRun()}.
 */
public interface DryRunReport extends Report {

    /** The migrations that ran and were rolled back, in plan order. */
    List<ExecutedMigration> wouldApply();

    /**
     * The migrations that would run but could not be tried: the non-transactional ones, and those
     * that depend on one of them, in plan order.
     */
    List<MigrationDescriptor> notRun();

    /**
     * The repeatable migrations that are new or changed, run after {@link #wouldApply()} and rolled
     * back, in name order. Empty when a migration of {@link #notRun()} could not be tried: they run
     * after every versioned migration, and may need its changes.
     */
    default List<ExecutedRepeatable> repeatables() {
        return List.of();
    }

    /** Whether {@code migrate} would do nothing. */
    default boolean isUpToDate() {
        return wouldApply().isEmpty() && notRun().isEmpty() && repeatables().isEmpty();
    }

    /**
     * The statements as an SQL script, one commented block per migration. The script only changes
     * the schema: it records nothing in Cairn's history, so a {@code migrate} after running it
     * would apply the same migrations again; its header says so. A migration that ran with
     * SQLite's foreign keys off (a table rebuild) is framed by the pragmas that switch them off,
     * list violations, and switch them on again.
     */
    default String toSqlScript() {
        StringBuilder script = new StringBuilder("-- Cairn dry run on ").append(database()).append('\n')
                .append("-- This script does not record anything in Cairn's history table: running it and then\n")
                .append("-- starting the application (or migrate) would apply these migrations again.\n");
        for (ExecutedMigration step : wouldApply()) {
            script.append("\n-- ").append(step.version()).append(' ').append(step.description()).append('\n');
            // As the dry run did: without this, a rebuild's DROP TABLE would cascade to or fail on child rows.
            if (step.foreignKeysOff()) {
                script.append("PRAGMA foreign_keys = OFF;\n");
            }
            step.statements().forEach(sql -> script.append(terminated(sql)).append('\n'));
            if (step.foreignKeysOff()) {
                script.append("PRAGMA foreign_key_check;\nPRAGMA foreign_keys = ON;\n");
            }
        }
        for (ExecutedRepeatable step : repeatables()) {
            script.append("\n-- repeatable ").append(step.name()).append(" (").append(step.resource()).append(")\n");
            step.statements().forEach(sql -> script.append(terminated(sql)).append('\n'));
        }
        for (MigrationDescriptor migration : notRun()) {
            script.append("\n-- ").append(migration.version()).append(' ').append(migration.description())
                    .append(migration.transactional() ? ": depends on a non-transactional migration, not tried in a dry run\n"
                            : ": non-transactional, not tried in a dry run\n");
        }
        return script.toString();
    }

    /** The statement and its {@code ;}, on a line of its own if the last line may end in a comment that would swallow it. */
    private static String terminated(String sql) {
        String lastLine = sql.substring(sql.lastIndexOf('\n') + 1);
        return sql + (lastLine.contains("--") ? "\n;" : ";");
    }

    @Override
    default String summary() {
        if (isUpToDate()) {
            return database() + " is up to date: a migrate would do nothing.";
        }
        StringBuilder text = new StringBuilder("A migrate would apply ").append(wouldApply().size() + notRun().size())
                .append(wouldApply().size() + notRun().size() == 1 ? " migration" : " migrations").append(" to ")
                .append(database()).append(repeatables().isEmpty() ? "" : " and run " + repeatables().size()
                        + (repeatables().size() == 1 ? " repeatable migration" : " repeatable migrations")).append(':');
        wouldApply().forEach(step -> text.append("\n  ").append(step.summary()).append(", ")
                .append(step.statements().size()).append(step.statements().size() == 1 ? " statement" : " statements"));
        notRun().forEach(m -> text.append("\n  ").append(m.version()).append(" \"").append(m.description())
                .append(m.transactional() ? "\" (depends on a non-transactional migration: not tried in the dry run)"
                        : "\" (non-transactional: not tried in the dry run)"));
        repeatables().forEach(step -> text.append("\n  ").append(step.summary()).append(", ")
                .append(step.statements().size()).append(step.statements().size() == 1 ? " statement" : " statements"));
        return text.toString();
    }
}
