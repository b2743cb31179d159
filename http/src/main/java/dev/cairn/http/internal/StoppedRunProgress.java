package dev.cairn.http.internal;

import dev.cairn.runtime.MigrationStatus;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows done of a data migration that stopped part way, or that another process is running, as
 * its status line tells them ({@code in progress (up), 1200 of 5000 rows done, ...}).
 *
 * <p>The runtime's API carries those counts only in {@link MigrationStatus#detail()}; this reads
 * them back from that text, in this one place, until the status carries them as numbers. A detail
 * that does not hold them gives nothing, never a guess.
 */
final class StoppedRunProgress {

    private static final Pattern ROWS_DONE = Pattern.compile("\\b(\\d+)(?: of (\\d+))? rows done\\b");

    private StoppedRunProgress() {
    }

    /** The progress JSON of the rows done and the total (null if unknown), if the status says them. */
    static Optional<Map<String, Object>> of(MigrationStatus status) {
        Matcher rows = ROWS_DONE.matcher(status.detail());
        if (!rows.find()) {
            return Optional.empty();
        }
        return Optional.of(ProgressView.stopped(Long.parseLong(rows.group(1)), rows.group(2) == null ? null : Long.valueOf(rows.group(2))));
    }
}
