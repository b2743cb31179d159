package dev.cairn.runtime;

import dev.cairn.MigrationVersion;

/** Thrown when a rollback would need a migration that was declared {@code reversible = false}. */
public class IrreversibleMigrationException extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final transient MigrationVersion version;

    /** For the rollback stub of the generated registry. */
    public IrreversibleMigrationException(String version, String description) {
        super(ErrorCode.IRREVERSIBLE, message(version, description));
        this.version = MigrationVersion.parse(version);
    }

    /** For {@link JavaMigration#down}: the migration has no rollback. */
    public IrreversibleMigrationException(MigrationDescriptor migration) {
        this(migration.version().toString(), migration.description());
    }

    /**
     * For the engine: a rollback plan that crosses {@code migration}, refused before anything ran.
     *
     * @param plan what the rollback would have done, for the message
     */
    protected IrreversibleMigrationException(MigrationDescriptor migration, String plan) {
        super(ErrorCode.IRREVERSIBLE, plan + ", but migration " + migration.displayName() + " is irreversible"
                + " (reversible = false). Nothing was changed. Roll back only migrations after it, restore from a"
                + " backup, or write a new migration that undoes what you need.");
        this.version = migration.version();
    }

    private static String message(String version, String description) {
        return "Migration " + version + " \"" + description + "\" is irreversible (reversible = false), "
                + "so it cannot be rolled back. Restore from a backup, or write a new migration that undoes it.";
    }

    /** The irreversible migration. */
    public MigrationVersion version() {
        return version;
    }
}
