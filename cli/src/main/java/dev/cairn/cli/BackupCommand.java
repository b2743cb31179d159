package dev.cairn.cli;

import dev.cairn.runtime.BackupReport;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn backup}: SQLite through its online backup API, PostgreSQL through pg_dump; never overwrites a file. */
@Command(name = "backup", description = "Back the database up to a new file: SQLite with its online backup API, PostgreSQL"
        + " with pg_dump (plain SQL). Needs no classpath.")
final class BackupCommand extends Verb {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Option(names = {"--output", "-o"}, paramLabel = "FILE", description = "The backup file, which must not exist (default:"
            + " cairn-backup-<date>-<time>.db for SQLite, .sql for PostgreSQL, in the working directory).")
    Path file;

    @Override
    int run() {
        Path target = file != null ? file : workingDirectory().resolve("cairn-backup-" + LocalDateTime.now().format(STAMP)
                + (setup().requireUrl().isSqlite() ? ".db" : ".sql"));
        BackupReport report = migrator(sourceIfAny()).backup(target);
        output().success(report.summary());
        Map<String, Object> json = Json.document(name(), ExitCode.OK);
        json.put("database", report.database());
        json.put("file", report.file().toString());
        json.put("bytes", report.bytes());
        json.put("durationMs", report.duration().toMillis());
        output().json(json);
        return ExitCode.OK;
    }
}
