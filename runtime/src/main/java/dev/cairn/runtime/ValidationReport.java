package dev.cairn.runtime;

import dev.cairn.MigrationVersion;
import java.util.List;

/**
 * What {@link Migrator#validate()} found when comparing the build with the database, without
 * changing anything. Valid means every migration is applied with its current checksum.
 *
 * @param database the database, described without credentials
 * @param problems what differs, in plan order; empty when valid
 */
public record ValidationReport(String database, List<Problem> problems) implements Report {

    /** The kinds of difference. */
    public enum Kind {
        /** A migration of the build is not applied. */
        PENDING,
        /** An applied migration's source changed. */
        CHECKSUM_CHANGED,
        /** A version in the database is unknown to the build. */
        UNKNOWN_APPLIED,
        /** A migration's last attempt failed. */
        FAILED,
        /** A non-transactional migration was interrupted or failed and may be half applied. */
        INTERRUPTED,
    }

    /**
     * One difference.
     *
     * @param kind what kind of difference
     * @param version the migration concerned
     * @param message what is wrong and what to do, for humans
     */
    public record Problem(Kind kind, MigrationVersion version, String message) {
    }

    public ValidationReport {
        problems = List.copyOf(problems);
    }

    /** Whether the database matches the build exactly. */
    public boolean isValid() {
        return problems.isEmpty();
    }

    /** A few lines for humans. */
    public String summary() {
        if (problems.isEmpty()) {
            return database + " matches the build: every migration is applied with its current checksum.";
        }
        StringBuilder text = new StringBuilder(database).append(" differs from the build in ")
                .append(problems.size()).append(problems.size() == 1 ? " way:" : " ways:");
        problems.forEach(p -> text.append("\n  [").append(p.kind()).append("] ").append(p.message()));
        return text.toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}
