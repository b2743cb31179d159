package dev.cairn.bench.child;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.ui.LoggerUIService;

/**
 * Liquibase, as an application embeds it: the {@code update} command over the formatted-SQL
 * changelog {@code db/liquibase/changelog.sql} on the class path. Its console output and its update
 * summary go to its logger (which is off, as every tool's is), as framework integrations set them, and its
 * anonymous usage analytics are off: a bench does not send data anywhere, nor wait for a network.
 * Its API does not say how many change sets an update ran, so the child counts, after the call,
 * the changelog rows of any deployment but the one that brought the database up to date (the
 * system property {@code bench.liquibase.deployment}, which the harness read from the template;
 * none on a fresh database). Arguments: see {@link DdlRun}.
 */
public final class LiquibaseChild implements DdlRun.Tool {

    /** The system property naming the deployment that brought the database up to date. */
    public static final String SETUP_DEPLOYMENT = "bench.liquibase.deployment";

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        System.setProperty("liquibase.analytics.enabled", "false");
        DdlRun.run(start, args, new LiquibaseChild());
    }

    @Override
    public long migrate(String jdbcUrl) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()), () -> {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                new CommandScope(UpdateCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, "db/liquibase/changelog.sql")
                        .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                        .execute();
            });
        }
        return -1;
    }

    @Override
    public long applied(String checkUrl, long said) throws SQLException {
        String setup = System.getProperty(SETUP_DEPLOYMENT);
        // The id is Liquibase's own (digits), read by the harness: safe in the statement's text.
        return DdlRun.count(checkUrl, "SELECT COUNT(*) FROM databasechangelog"
                + (setup == null ? "" : " WHERE deployment_id <> '" + setup + "'"));
    }

    @Override
    public String historyCountSql() {
        return "SELECT COUNT(*) FROM databasechangelog";
    }
}
