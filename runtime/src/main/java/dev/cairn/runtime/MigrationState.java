package dev.cairn.runtime;

/** Where one migration stands, as {@link Migrator#status()} reports it. */
public enum MigrationState {
    /** Applied, with the checksum of this build. */
    APPLIED,
    /** Applied, but its source changed since: the stored checksum differs. */
    CHECKSUM_CHANGED,
    /** Not applied yet. */
    PENDING,
    /** Not applied yet, and older than the newest applied migration: it will run out of order. */
    OUT_OF_ORDER,
    /** Its last attempt failed; a transactional migration is retried by the next migrate. */
    FAILED,
    /** A non-transactional run was interrupted or failed: it may be half applied. */
    INTERRUPTED,
    /**
     * A data migration whose run stopped part-way (a crash, a kill, a failure, its timeout) with its
     * committed batches and their checkpoint: the next migrate resumes it after its last committed
     * batch. {@link MigrationStatus#detail()} says how many rows are done.
     */
    IN_PROGRESS,
    /** A non-transactional migration that another process is applying or rolling back right now. */
    RUNNING,
    /** Applied in the database but unknown to this build (an older build?). */
    UNKNOWN,
    /**
     * Recorded more than once in the history table, in spellings that are one version (such as
     * {@code "2"} and {@code "2.0"}): someone edited the table by hand. Commands that write refuse
     * until one row is deleted.
     */
    DUPLICATE,
}
