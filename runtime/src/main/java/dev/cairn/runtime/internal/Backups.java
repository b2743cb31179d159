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
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Backups on request and, when configured, before a migrate that has something to apply. */
final class Backups {

    private static final String PREFIX = "cairn-backup-";
    /** To the microsecond, so that names sort by age. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSSSSS").withZone(ZoneOffset.UTC);

    private Backups() {
    }

    /** Backs up into a new time-stamped file of the backup directory and prunes the oldest. */
    static Path automatic(Session session) {
        Settings settings = session.settings();
        Path directory = settings.backupDirectory().orElseThrow();
        Path file = newFile(directory, session.support().backupExtension());
        backup(session, file);
        prune(directory, settings.backupRetention());
        return file;
    }

    /**
     * A file name for a new backup, never an existing one's: two backups in the same microsecond
     * (the clock may be coarser) get successive stamps instead of one overwriting the other.
     */
    private static Path newFile(Path directory, String extension) {
        Instant stamp = Instant.now();
        Path file = directory.resolve(PREFIX + STAMP.format(stamp) + extension);
        while (Files.exists(file)) {
            stamp = stamp.plus(1, ChronoUnit.MICROS);
            file = directory.resolve(PREFIX + STAMP.format(stamp) + extension);
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

    private static void prune(Path directory, int keep) {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> backups = files.filter(f -> f.getFileName().toString().startsWith(PREFIX))
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
