package dev.cairn.maven;

import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.MigrationSource;
import dev.cairn.runtime.Migrator;
import java.io.File;
import java.io.IOException;
import java.net.URLClassLoader;
import java.time.Duration;
import javax.inject.Inject;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * What every Cairn goal shares: it loads the module's compiled registry in a class loader over
 * {@code target/classes} and the runtime classpath, makes that loader the thread's context class
 * loader while it runs (the runtime finds database providers through it, and JDBC drivers are
 * registered from it), configures a
 * {@link Migrator} from the parameters, sends the runtime's log to Maven's, and turns Cairn's errors
 * into build failures that carry Cairn's message.
 */
public abstract class AbstractCairnMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    /** Injected by Maven's container (JSR-330, which replaced the deprecated {@code @Component}). */
    @Inject
    private SettingsDecrypter decrypter;

    /** The JDBC URL, such as {@code jdbc:sqlite:${project.build.directory}/app.db}; no password in it. */
    @Parameter(property = "cairn.url")
    private String url;

    /** The database user; default the {@code <username>} of the {@link #serverId} server. */
    @Parameter(property = "cairn.user")
    private String user;

    /**
     * The {@code settings.xml} {@code <server>} whose password (encrypted or not) to connect with;
     * without it the password is read from the environment variable {@code CAIRN_PASSWORD}.
     */
    @Parameter(property = "cairn.serverId")
    private String serverId;

    /** The registry class to run when the classpath has several, such as {@code com.example.db.MigrationRegistry}. */
    @Parameter(property = "cairn.registry")
    private String registry;

    /** The table of applied migrations; default {@code cairn_history}. */
    @Parameter(property = "cairn.historyTable")
    private String historyTable;

    /** The audit log table; default {@code cairn_log}. */
    @Parameter(property = "cairn.logTable")
    private String logTable;

    /** PostgreSQL only: the schema of Cairn's tables; default the current schema. */
    @Parameter(property = "cairn.schema")
    private String schema;

    /** How long to wait for another process's migration lock, such as {@code 2m} or {@code PT2M}; default 10 minutes. */
    @Parameter(property = "cairn.lockTimeout")
    private String lockTimeout;

    /** How long a migration's statement waits for another session's lock ({@code 10s}); {@code 0s} waits forever. */
    @Parameter(property = "cairn.statementLockTimeout")
    private String statementLockTimeout;

    /** How long one migration may run ({@code 30m}); default no limit. */
    @Parameter(property = "cairn.migrationTimeout")
    private String migrationTimeout;

    /** Refuse a pending migration older than the newest applied one; default {@code false}. */
    @Parameter(property = "cairn.strictOrder")
    private Boolean strictOrder;

    /** Refuse to migrate when an applied migration's source changed; default {@code true}. */
    @Parameter(property = "cairn.validateChecksums")
    private Boolean validateChecksums;

    /** Run although the database has migrations this build does not know; default {@code false}. */
    @Parameter(property = "cairn.allowUnknownApplied")
    private Boolean allowUnknownApplied;

    /** Back the database up into this directory before a migrate that has something to apply. */
    @Parameter(property = "cairn.backupDirectory")
    private File backupDirectory;

    /** How many automatic backups to keep; default 5. */
    @Parameter(property = "cairn.backupRetention")
    private Integer backupRetention;

    /** The {@code pg_dump} program for PostgreSQL backups; default {@code pg_dump} on the PATH. */
    @Parameter(property = "cairn.pgDump")
    private String pgDump;

    /** Who is recorded as having applied migrations; default the {@code user.name} system property. */
    @Parameter(property = "cairn.installedBy")
    private String installedBy;

    /** Skips the goal. */
    @Parameter(property = "cairn.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Cairn: skipped (cairn.skip)");
            return;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        RuntimeLog runtimeLog = RuntimeLog.to(getLog());
        try (URLClassLoader loader = ProjectRegistry.classLoaderOf(project, getClass().getClassLoader())) {
            thread.setContextClassLoader(loader);
            ProjectRegistry.registerDrivers(loader);
            run(ProjectRegistry.find(loader, registry, new File(project.getBuild().getOutputDirectory())));
        } catch (MigrationException e) {
            // Cairn's messages say what is wrong and what to do: the stack trace would only bury it.
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot close the project's class loader: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
            runtimeLog.close();
        }
    }

    /** Runs the goal with the module's registry, the project's class loader being the context class loader. */
    abstract void run(MigrationSource source) throws MojoExecutionException, MojoFailureException;

    /** Whether a database URL is configured. */
    final boolean hasDatabase() {
        return url != null && !url.isBlank();
    }

    /**
     * A migrator for the configured database and options.
     *
     * @throws MojoExecutionException when no URL is configured or an option cannot be read
     */
    final Migrator migrator(MigrationSource source) throws MojoExecutionException {
        if (!hasDatabase()) {
            throw new MojoExecutionException("No database URL for Cairn: set <url> in the cairn-maven-plugin's"
                    + " <configuration> or pass -Dcairn.url=..., such as jdbc:sqlite:${project.build.directory}/app.db"
                    + " or jdbc:postgresql://localhost:5432/app (the password goes in settings.xml, see <serverId>).");
        }
        Login login = Login.resolve(user, serverId, settings, decrypter);
        Migrator.Builder builder = Migrator.configure(source, JdbcUrls.withLogin(url.trim(), login));
        if (historyTable != null) {
            builder.historyTable(historyTable);
        }
        if (logTable != null) {
            builder.logTable(logTable);
        }
        if (schema != null) {
            builder.schema(schema);
        }
        if (lockTimeout != null) {
            builder.lockTimeout(duration("lockTimeout", lockTimeout));
        }
        if (statementLockTimeout != null) {
            builder.statementLockTimeout(duration("statementLockTimeout", statementLockTimeout));
        }
        if (migrationTimeout != null) {
            builder.migrationTimeout(duration("migrationTimeout", migrationTimeout));
        }
        if (strictOrder != null) {
            builder.strictOrder(strictOrder);
        }
        if (validateChecksums != null) {
            builder.validateChecksums(validateChecksums);
        }
        if (allowUnknownApplied != null) {
            builder.allowUnknownApplied(allowUnknownApplied);
        }
        if (backupDirectory != null) {
            builder.backupBeforeMigrate(backupDirectory.toPath());
        }
        if (backupRetention != null) {
            builder.backupRetention(backupRetention);
        }
        if (pgDump != null) {
            builder.pgDump(pgDump);
        }
        if (installedBy != null) {
            builder.installedBy(installedBy);
        }
        return builder.load();
    }

    /** A required parameter's value, or a clear error naming it and its property. */
    static String required(String value, String parameter, String example) throws MojoExecutionException {
        if (value == null || value.isBlank()) {
            throw new MojoExecutionException("Missing <" + parameter + ">: pass -Dcairn." + parameter + "=" + example
                    + " or set it in the execution's <configuration>.");
        }
        return value.trim();
    }

    private static Duration duration(String parameter, String text) throws MojoExecutionException {
        return Durations.parse(text).orElseThrow(() -> new MojoExecutionException("<" + parameter + "> is \"" + text
                + "\", which is not a duration: write 30s, 10m, 2h or 1d, or ISO-8601 such as PT10M."));
    }
}
