package dev.cairn.runtime;

import dev.cairn.MigrationVersion;
import java.util.List;

/**
 * What {@link Migrator#validate()} found when comparing the build with the database, without
 * changing anything. Valid means every migration is applied with its current checksum.
 */
public interface ValidationReport extends Report {

    /** What differs, in plan order; empty when valid. */
    List<Problem> problems();

    /** The kinds of difference. */
    enum Kind {
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
        /** A version has more than one row in the history table. */
        DUPLICATE,
    }

    /** One difference. */
    interface Problem {

        /** What kind of difference. */
        Kind kind();

        /** The migration concerned. */
        MigrationVersion version();

        /** What is wrong and what to do, for humans. */
        String message();
    }

    /** Whether the database matches the build exactly. */
    default boolean isValid() {
        return problems().isEmpty();
    }

    /** A few lines for humans. */
    @Override
    default String summary() {
        if (problems().isEmpty()) {
            return database() + " matches the build: every migration is applied with its current checksum.";
        }
        StringBuilder text = new StringBuilder(database()).append(" differs from the build in ")
                .append(problems().size()).append(problems().size() == 1 ? " way:" : " ways:");
        problems().forEach(p -> text.append("\n  [").append(p.kind()).append("] ").append(p.message()));
        return text.toString();
    }
}
