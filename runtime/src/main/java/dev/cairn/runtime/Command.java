package dev.cairn.runtime;

/** The commands of a {@link Migrator}, as events name them. */
public enum Command {
    MIGRATE,
    DRY_RUN,
    ROLLBACK,
    STATUS,
    VALIDATE,
    CHECK_CONDITIONS,
    HISTORY,
    BASELINE,
    REPAIR,
    BACKUP
}
