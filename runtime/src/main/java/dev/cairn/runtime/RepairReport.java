package dev.cairn.runtime;

import dev.cairn.MigrationVersion;
import java.util.List;

/**
 * What {@link Migrator#repair()} did after a person fixed the database by hand.
 *
 * @param database the database, described without credentials
 * @param checksumsAccepted applied migrations whose stored checksum was replaced by the build's
 * @param failuresCleared migrations whose failed or interrupted state was cleared, so that the
 *     next migrate runs them again
 */
public record RepairReport(String database, List<MigrationVersion> checksumsAccepted, List<MigrationVersion> failuresCleared) implements Report {

    public RepairReport {
        checksumsAccepted = List.copyOf(checksumsAccepted);
        failuresCleared = List.copyOf(failuresCleared);
    }

    /** Whether there was nothing to repair. */
    public boolean isNothingToRepair() {
        return checksumsAccepted.isEmpty() && failuresCleared.isEmpty();
    }

    @Override
    public String summary() {
        return isNothingToRepair() ? "Nothing to repair on " + database + "."
                : "Repaired " + database + ": accepted new checksums of " + checksumsAccepted
                        + ", cleared failures of " + failuresCleared + ".";
    }

    @Override
    public String toString() {
        return summary();
    }
}
