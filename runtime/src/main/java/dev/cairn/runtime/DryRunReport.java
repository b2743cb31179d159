package dev.cairn.runtime;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link Migrator#dryRun()} found: the migrations {@code migrate} would apply, each with the
 * statements it ran inside a transaction that was then rolled back. Non-transactional migrations
 * cannot run inside that transaction, so they are listed without statements in
 * {@link #notRun()}.
 *
 * @param database the database, described without credentials
 * @param wouldApply the migrations that ran and were rolled back, in plan order
 * @param notRun the non-transactional migrations that would run but could not be tried
 */
public record DryRunReport(String database, List<ExecutedMigration> wouldApply, List<MigrationDescriptor> notRun) {

    public DryRunReport {
        wouldApply = List.copyOf(wouldApply);
        notRun = List.copyOf(notRun);
    }

    /** Whether {@code migrate} would do nothing. */
    public boolean isUpToDate() {
        return wouldApply.isEmpty() && notRun.isEmpty();
    }

    /** The statements as an SQL script, one commented block per migration. */
    public String toSqlScript() {
        StringBuilder script = new StringBuilder("-- Cairn dry run on ").append(database).append('\n');
        for (ExecutedMigration step : wouldApply) {
            script.append("\n-- ").append(step.version()).append(' ').append(step.description()).append('\n');
            script.append(step.statements().stream().map(sql -> sql + ";").collect(Collectors.joining("\n")));
            script.append('\n');
        }
        for (MigrationDescriptor migration : notRun) {
            script.append("\n-- ").append(migration.version()).append(' ').append(migration.description())
                    .append(": non-transactional, not tried in a dry run\n");
        }
        return script.toString();
    }

    @Override
    public String toString() {
        return isUpToDate() ? database + " is up to date: a migrate would do nothing." : toSqlScript();
    }
}
