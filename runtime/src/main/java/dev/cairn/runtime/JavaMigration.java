package dev.cairn.runtime;

/**
 * A migration written in Java. Implementations are annotated with {@link dev.cairn.Migration},
 * have a no-argument constructor, and are instantiated by the generated {@code MigrationRegistry}
 * through a constructor reference: no scanning, no reflection.
 *
 * <p>Each call runs inside the migration's transaction (unless the migration is declared
 * {@code transactional = false}); throwing rolls it back.
 */
public interface JavaMigration {

    /** Applies the migration. */
    void up(MigrationContext ctx) throws Exception;

    /**
     * Undoes {@link #up}. A migration declared {@code reversible = true} (the default) must
     * override this; the compiler reports a missing override as an error.
     *
     * @throws IrreversibleMigrationException unless overridden
     */
    default void down(MigrationContext ctx) throws Exception {
        throw new IrreversibleMigrationException(ctx.migration());
    }
}
