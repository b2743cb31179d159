package dev.cairn.cli;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.MigrationGraph;
import dev.cairn.runtime.MigrationSource;
import dev.cairn.runtime.Migrator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every verb shares, written once: it resolves the settings, opens the user's class path in
 * a class loader of its own (the thread's context class loader while the verb runs, where the
 * runtime looks for database providers), finds the registry, builds the {@link Migrator} with the
 * progress bar as a listener, and closes it all. Errors go up to {@link Cairn}, which prints them
 * and turns them into exit codes.
 */
abstract class Verb implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--json", description = "Print the result as one JSON document (see docs/cli-json.md).")
    boolean json;

    @Option(names = "--no-color", description = "No colours, as the NO_COLOR environment variable also says.")
    boolean noColor;

    @Spec
    CommandSpec spec;

    private Output output;
    private Setup setup;
    private UserClasspath classpath;
    private MigrationSource source;
    private ProgressBar progress;
    private MigrationGraph graph;

    @Override
    public final Integer call() throws IOException {
        Map<String, String> env = System.getenv();
        output = new Output(Cairn.out(), Cairn.err(), Terminal.detect(env, noColor), json);
        progress = new ProgressBar(output.err(), output.terminal());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            return run();
        } finally {
            thread.setContextClassLoader(previous);
            if (classpath != null) {
                classpath.close();
            }
        }
    }

    /** Does the verb's work; returns its exit code. */
    abstract int run();

    /** The verb's name, as --json reports it. */
    final String name() {
        return spec.name();
    }

    /** The output, once the verb started; {@code null} before. */
    final Output output() {
        return output;
    }

    final ProgressBar progress() {
        return progress;
    }

    final Path workingDirectory() {
        return Path.of("").toAbsolutePath();
    }

    final Setup setup() {
        if (setup == null) {
            setup = Setup.resolve(connection, System.getenv(), workingDirectory());
        }
        return setup;
    }

    /** The registry of the class path; a usage error if none is configured. */
    final MigrationSource source() {
        if (source == null) {
            if (setup().classpath() == null) {
                throw CliException.usage("NO_CLASSPATH", name() + " needs the migrations: pass --classpath with the application's"
                        + " jar and its libraries (app.jar:lib/*) or its class folder (target/classes), or set CAIRN_CLASSPATH.");
            }
            source = Registries.find(openClasspath(), setup().registry());
        }
        return source;
    }

    /** The registry if a class path is configured, else none: for verbs that need only the database. */
    final MigrationSource sourceIfAny() {
        return setup().classpath() == null ? List::of : source();
    }

    private UserClasspath openClasspath() {
        classpath = UserClasspath.open(setup().classpath(), workingDirectory());
        Thread.currentThread().setContextClassLoader(classpath.loader());
        return classpath;
    }

    final MigrationGraph graph() {
        if (graph == null) {
            graph = MigrationGraph.of(source().migrations());
        }
        return graph;
    }

    /** A migrator for the database, reporting to the progress bar. */
    final Migrator migrator(MigrationSource migrations) {
        Setup s = setup();
        Migrator.Builder builder = Migrator.configure(migrations, s.jdbcUrl()).listener(progress);
        if (s.historyTable() != null) {
            builder.historyTable(s.historyTable());
        }
        if (s.logTable() != null) {
            builder.logTable(s.logTable());
        }
        if (s.schema() != null) {
            builder.schema(s.schema());
        }
        if (s.lockTimeout() != null) {
            builder.lockTimeout(s.lockTimeout());
        }
        if (s.installedBy() != null) {
            builder.installedBy(s.installedBy());
        }
        return builder.load();
    }

    final Migrator migrator() {
        return migrator(source());
    }

    /** A version named on the command line, or a usage error. */
    static MigrationVersion version(String option, String text) {
        return MigrationVersion.tryParse(text.trim()).orElseThrow(() -> CliException.usage("BAD_VERSION", option + " is \"" + text
                + "\", which is not a migration version: " + MigrationVersion.problem(text.trim()) + "."));
    }

    /** A version of the build named on the command line, or a usage error listing the build's versions. */
    final MigrationVersion versionInBuild(String option, String text) {
        MigrationVersion version = version(option, text);
        if (graph().find(version).isEmpty()) {
            throw CliException.usage("NOT_IN_BUILD", option + " is " + version + ", which is not a migration of "
                    + source().getClass().getName() + " (its versions: " + graph().migrations().stream()
                            .map(m -> m.version().toString()).collect(Collectors.joining(", ")) + "). Nothing was changed.");
        }
        return version;
    }
}
