package dev.cairn.runtime;

import dev.cairn.MigrationVersion;
import java.util.List;

/**
 * What {@link Migrator#repair()} did after a person fixed the database by hand.
 */
public interface RepairReport extends Report {

    /** Applied migrations whose stored checksum was replaced by the build's. */
    List<MigrationVersion> checksumsAccepted();

    /** Migrations whose failed or interrupted state was cleared, so that the next migrate runs them again. */
    List<MigrationVersion> failuresCleared();

    /** Whether there was nothing to repair. */
    default boolean isNothingToRepair() {
        return checksumsAccepted().isEmpty() && failuresCleared().isEmpty();
    }

    @Override
    default String summary() {
        return isNothingToRepair() ? "Nothing to repair on " + database() + "."
                : "Repaired " + database() + ": accepted new checksums of " + checksumsAccepted()
                        + ", cleared failures of " + failuresCleared() + ".";
    }
}
