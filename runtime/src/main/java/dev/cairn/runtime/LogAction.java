package dev.cairn.runtime;

/** What a row of the audit log ({@code cairn_log}) records. */
public enum LogAction {
    /** A migration was applied. */
    APPLY,
    /** A migration was rolled back. */
    ROLLBACK,
    /** A migration failed; its detail holds the error. */
    FAIL,
    /** A non-transactional migration started; a later row closes it unless the run was interrupted. */
    RUNNING,
    /** A migration was marked as applied by {@link Migrator#baseline}. */
    BASELINE,
    /** {@link Migrator#repair()} accepted a new checksum or cleared a failure. */
    REPAIR,
}
