package dev.cairn.cli;

import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The {@code cairn} command: runs the migrations of an application's registry from the command
 * line. Exit codes are those of {@link ExitCode}.
 */
@Command(name = "cairn", mixinStandardHelpOptions = true, versionProvider = Cairn.Version.class,
        description = "Runs the Cairn migrations of an application on SQLite or PostgreSQL.",
        subcommands = {StatusCommand.class, CurrentCommand.class, MigrateCommand.class, RollbackCommand.class,
                HistoryCommand.class, ValidateCommand.class, PlanCommand.class, HeadsCommand.class, BackupCommand.class,
                BaselineCommand.class, RepairCommand.class, InspectCommand.class, NewCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 failure, 2 usage error, 3 validation problems found, 4 lock timeout,"
                + " 5 refused (not confirmed)."})
public final class Cairn {

    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    private static final PrintStream ERR = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);

    /**
     * The runtime's logger: its INFO lines say what the progress lines already say, so only its
     * warnings are shown, as "WARNING: ..." lines. Held here so that the setting is not collected.
     */
    private static final Logger RUNTIME_LOG = Logger.getLogger("dev.cairn");

    private Cairn() {
    }

    /** Runs the command and exits with its code. */
    public static void main(String[] args) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
        RUNTIME_LOG.setLevel(Level.WARNING);
        System.exit(run(args));
    }

    /** Runs the command; returns its exit code. */
    static int run(String... args) {
        CommandLine line = new CommandLine(new Cairn());
        line.setOut(new PrintWriter(OUT, true));
        line.setErr(new PrintWriter(ERR, true));
        line.setExecutionExceptionHandler(new Errors());
        line.setParameterExceptionHandler(new UsageErrors());
        line.setCaseInsensitiveEnumValuesAllowed(true);
        if (args.length == 0) {
            line.usage(OUT);
            return ExitCode.USAGE;
        }
        return line.execute(args);
    }

    static PrintStream out() {
        return OUT;
    }

    static PrintStream err() {
        return ERR;
    }

    /** Cairn's errors as their message and exit code; anything else as an internal error with its stack trace. */
    private static final class Errors implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception error, CommandLine line, ParseResult parsed) {
            Object command = line.getCommand();
            String name = line.getCommandName();
            Output output = command instanceof Verb verb && verb.output() != null ? verb.output()
                    : new Output(OUT, ERR, Terminal.detect(Map.of(), true), false);
            if (error instanceof CliException cli) {
                output.error(name, cli.code(), cli.exitCode(), cli.getMessage());
                return cli.exitCode();
            }
            if (error instanceof MigrationException migration) {
                int code = ExitCode.of(migration);
                // Cairn's messages say what is wrong and what to do: a stack trace would only bury it.
                output.error(name, migration.code().name(), code, migration.getMessage()
                        + (migration.code() == ErrorCode.LOCK_TIMEOUT ? " (The cairn command's option is --lock-timeout, such as"
                                + " --lock-timeout 30m.)" : ""));
                return code;
            }
            output.error(name, "INTERNAL", ExitCode.FAILURE, "internal error in the cairn command, please report it: " + error);
            error.printStackTrace(ERR);
            return ExitCode.FAILURE;
        }
    }

    /** A wrong command line: the problem and where to read more, or a JSON error document with --json. */
    private static final class UsageErrors implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException error, String[] args) {
            CommandLine line = error.getCommandLine();
            if (List.of(args).contains("--json")) {
                new Output(OUT, ERR, new Terminal(false, false, 80), true).error(line.getCommandName(), "USAGE", ExitCode.USAGE,
                        error.getMessage());
            } else {
                ERR.println("error: " + error.getMessage());
                ERR.println("Run '" + line.getCommandSpec().qualifiedName() + " --help' for its options.");
            }
            return ExitCode.USAGE;
        }
    }

    /** The version of the cairn-cli jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Cairn.class.getPackage().getImplementationVersion();
            return new String[] {"cairn " + (version == null ? "(development build)" : version)};
        }
    }
}
