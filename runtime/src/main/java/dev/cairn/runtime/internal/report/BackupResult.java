package dev.cairn.runtime.internal.report;

import dev.cairn.runtime.BackupReport;
import java.nio.file.Path;
import java.time.Duration;

/** The engine's {@link BackupReport}. */
public record BackupResult(String database, Path file, long bytes, Duration duration) implements BackupReport {

    @Override
    public String toString() {
        return summary();
    }
}
