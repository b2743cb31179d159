package dev.cairn.runtime.internal.postgres;

import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.spi.BackupOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Runs {@code pg_dump} to back up a PostgreSQL database into a plain SQL file. */
final class PgDump {

    /** libpq's messages when the server wants a password that it was not given or that is wrong. */
    private static final Pattern AUTHENTICATION_FAILED =
            Pattern.compile("no password supplied|authentication failed");

    private final BackupOptions options;

    PgDump(BackupOptions options) {
        this.options = options;
    }

    /**
     * Dumps the database of {@code jdbcUrl} (as the driver reports it) into {@code file}.
     * The password goes through {@code PGPASSWORD}, so it shows in no process list.
     */
    void dump(String jdbcUrl, String user, Path file) {
        List<String> command = List.of(options.pgDump(), "--no-password", "--format=plain",
                "--file=" + file.toAbsolutePath(), "--username=" + user, "--dbname=" + libpqUri(jdbcUrl));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (options.password() != null) {
            builder.environment().put("PGPASSWORD", options.password());
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new MigrationException(ErrorCode.BACKUP_FAILED, "Cannot back up the PostgreSQL database: the program \""
                    + options.pgDump() + "\" cannot be run (" + e.getMessage() + "). Install the PostgreSQL client"
                    + " tools of the server's major version or newer (for example apt-get install postgresql-client),"
                    + " or point Cairn at pg_dump with pgDump(\"/usr/lib/postgresql/16/bin/pg_dump\").", e);
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int exit = process.waitFor();
            if (exit != 0) {
                Files.deleteIfExists(file);
                throw new MigrationException(ErrorCode.BACKUP_FAILED, options.pgDump() + " failed with exit code " + exit
                        + ": " + output + "\nNo backup was written. " + advice(output));
            }
        } catch (IOException e) {
            throw new MigrationException(ErrorCode.BACKUP_FAILED, "Cannot read the output of " + options.pgDump() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new MigrationException(ErrorCode.BACKUP_FAILED, "Interrupted while " + options.pgDump() + " was running.", e);
        }
    }

    /** What to do about a failed dump, judged from pg_dump's output. */
    private String advice(String output) {
        if (AUTHENTICATION_FAILED.matcher(output).find()) {
            return options.password() == null ? "pg_dump could not log in: Cairn has no password to give it (a DataSource"
                    + " does not reveal one, and the JDBC URL has none). Set PGPASSWORD in the environment or add the"
                    + " password to ~/.pgpass (see PostgreSQL's \"The Password File\")."
                    : "pg_dump could not log in with the user and password of the JDBC URL; check them.";
        }
        return "A pg_dump older than the server cannot dump it: use the server's version or newer, with pgDump(...).";
    }

    /**
     * The libpq URI of a {@code jdbc:postgresql://host:port/db?...} URL, without its parameters:
     * JDBC-only parameters would make pg_dump fail, and credentials are passed separately.
     */
    static String libpqUri(String jdbcUrl) {
        String uri = jdbcUrl.substring("jdbc:".length());
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }
}
