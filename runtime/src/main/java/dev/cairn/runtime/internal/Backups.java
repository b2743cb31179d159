package dev.cairn.runtime.internal;

import dev.cairn.runtime.internal.report.BackupResult;
import dev.cairn.runtime.BackupReport;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.spi.BackupOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Backups on request and, when configured, before a migrate that has something to apply.
 *
 * <p>Automatic backups are named {@code cairn-backup-<database>-<yyyyMMdd-HHmmss-SSSSSS><extension>}:
 * the database's name as JDBC reports it (its catalog, which is PostgreSQL's database name, or
 * else the last part of its URL, which is SQLite's file name), with every character other than a
 * letter, digit, {@code .}, {@code _} or {@code -} made {@code _}; a UTC time stamp; and the
 * database's backup extension. Pruning deletes only files of exactly that form for this
 * database, so databases that share a backup directory keep each other's backups, and a user's
 * own files are never touched, nor backups of Cairn versions whose names did not say whose they
 * were. Databases of the same name (SQLite files {@code app.db} in two directories, or two
 * servers' databases {@code app}) would still share one set of backups: give each its own directory.
 */
final class Backups {

    private static final String PREFIX = "cairn-backup-";
    /** To the microsecond, so that names sort by age. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSSSSS").withZone(ZoneOffset.UTC);
    /** What {@link #STAMP} writes. */
    private static final String STAMP_PATTERN = "\\d{8}-\\d{6}-\\d{6}";
    /** The characters of a database's name that may not stand in a file name as they are. */
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");
    /** Enough to tell databases apart, and far below any file system's limit on a name. */
    private static final int MAX_NAME = 64;

    private Backups() {
    }

    /** Backs up into a new time-stamped file of the backup directory and prunes this database's oldest. */
    static Path automatic(Session session) {
        Settings settings = session.settings();
        Path directory = settings.backupDirectory().orElseThrow();
        String prefix = PREFIX + databaseName(session.connection()) + "-";
        String extension = session.support().backupExtension();
        Path file = newFile(directory, prefix, extension);
        backup(session, file);
        prune(directory, Pattern.compile(Pattern.quote(prefix) + STAMP_PATTERN + Pattern.quote(extension)),
                settings.backupRetention());
        return file;
    }

    /** The database's name for its backup files: its catalog, else the last part of its URL; safe in a file name. */
    private static String databaseName(Connection connection) {
        String name = "";
        try {
            name = Objects.requireNonNullElse(connection.getCatalog(), "");
            if (name.isBlank()) {
                String url = ConnectionSource.redact(String.valueOf(connection.getMetaData().getURL()));
                String path = url.split("[?;]", 2)[0];
                int start = Math.max(path.lastIndexOf('/'), Math.max(path.lastIndexOf('\\'), path.lastIndexOf(':'))) + 1;
                name = path.substring(start);
            }
        } catch (SQLException e) {
            // Only a name: a driver that cannot tell gets the generic one.
        }
        String safe = UNSAFE.matcher(name).replaceAll("_");
        return safe.isEmpty() ? "database" : safe.substring(0, Math.min(safe.length(), MAX_NAME));
    }

    /**
     * A file name for a new backup, never an existing one's: two backups in the same microsecond
     * (the clock may be coarser) get successive stamps instead of one overwriting the other.
     */
    private static Path newFile(Path directory, String prefix, String extension) {
        Instant stamp = Instant.now();
        Path file = directory.resolve(prefix + STAMP.format(stamp) + extension);
        while (Files.exists(file)) {
            stamp = stamp.plus(1, ChronoUnit.MICROS);
            file = directory.resolve(prefix + STAMP.format(stamp) + extension);
        }
        return file;
    }

    /**
     * Backs the session's database up into {@code file}, a new file: an existing one may be an
     * older backup, or anything else, that the user still needs.
     */
    static BackupReport backup(Session session, Path file) {
        long start = System.nanoTime();
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new MigrationException(ErrorCode.BACKUP_FAILED, "The backup file " + file.toAbsolutePath() + " exists"
                    + " already, and Cairn does not overwrite a file: delete it first, or choose another name. Nothing was"
                    + " changed.");
        }
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
        } catch (IOException e) {
            throw new MigrationException(ErrorCode.BACKUP_FAILED, "Cannot prepare the backup file " + file + ": " + e
                    + ". Choose a writable location. Nothing was changed.", e);
        }
        BackupOptions options = new BackupOptions(session.settings().pgDump(), session.settings().connections().password());
        try {
            session.support().backup(session.connection(), file, options);
            return new BackupResult(session.database(), file, Files.size(file), Duration.ofNanos(System.nanoTime() - start));
        } catch (SQLException e) {
            throw new MigrationException(ErrorCode.BACKUP_FAILED, "Backing up " + session.database() + " into " + file
                    + " failed: " + e.getMessage() + ". Nothing was changed.", e);
        } catch (IOException e) {
            throw new MigrationException(ErrorCode.BACKUP_FAILED, "The backup " + file + " was not written: " + e, e);
        }
    }

    /** Deletes all but the newest {@code keep} regular files whose name is {@code ours}. */
    private static void prune(Path directory, Pattern ours, int keep) {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> backups = files.filter(f -> ours.matcher(f.getFileName().toString()).matches())
                    .filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed()).toList();
            for (Path old : backups.subList(Math.min(keep, backups.size()), backups.size())) {
                Files.delete(old);
            }
        } catch (IOException e) {
            throw new MigrationException(ErrorCode.BACKUP_FAILED, "The backup was written, but old backups in " + directory
                    + " could not be deleted: " + e + ". Check the directory's permissions. Nothing was migrated.", e);
        }
    }
}
