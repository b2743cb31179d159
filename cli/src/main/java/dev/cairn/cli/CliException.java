package dev.cairn.cli;

/**
 * An error of the command line itself, before or around the runtime's work: a missing URL, no
 * registry on the classpath, a command not confirmed. Its message says what to do; {@link #code()}
 * is the stable name {@code --json} reports.
 */
final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final int exitCode;

    CliException(String code, int exitCode, String message) {
        super(message);
        this.code = code;
        this.exitCode = exitCode;
    }

    /** A mistake on the command line, in the environment or in the configuration file. */
    static CliException usage(String code, String message) {
        return new CliException(code, ExitCode.USAGE, message);
    }

    /** Something that went wrong while doing what was asked. */
    static CliException failure(String code, String message) {
        return new CliException(code, ExitCode.FAILURE, message);
    }

    String code() {
        return code;
    }

    int exitCode() {
        return exitCode;
    }
}
