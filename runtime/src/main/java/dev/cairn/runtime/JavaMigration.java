package dev.cairn.runtime;

/**
 * A migration written in Java. Implementations are annotated with {@link dev.cairn.Migration},
 * have a no-argument constructor, and are instantiated by the generated {@code MigrationRegistry}
 * through a constructor reference: no scanning, no reflection.
 *
 * <p>Each call runs inside the migration's transaction (unless the migration is declared
 * {@code transactional = false}); throwing rolls it back. Its {@link #preconditions} and
 * {@link #postconditions}, if it has any, run in the same transaction right before and after
 * {@code up()}.
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

    /**
     * Checks that the database is in the state this migration expects, before {@link #up} runs:
     * in the same transaction, so nothing can change in between. A failed check fails the
     * migration without running {@code up()}, with a message naming the check and what it found.
     * Also run by {@link Migrator#dryRun()}, and by {@link Migrator#checkConditions()} for a pending
     * migration whose prerequisites are applied. Does nothing unless overridden.
     *
     * <p>{@link #down} has no conditions of its own: a rollback is checked where every migration's
     * can be, by rolling it back in a test ({@code MigrationTester.assertRoundTrips()} of
     * cairn-test compares the schema before and after), while the state a rollback starts from is
     * whatever later use of the database made it, which a condition written today cannot know.
     */
    default void preconditions(Checks checks) throws Exception {
    }

    /**
     * Checks that {@link #up} did what it promises (row counts match, no NULL left, foreign keys
     * hold), right after it, before its history row is written and its transaction committed: a
     * failed check rolls the whole migration back. A non-transactional migration
     * ({@code transactional = false}) cannot be rolled back, so a failed postcondition leaves what
     * its {@code up()} did, and says so. A data migration checks them inside its last batch's
     * transaction, before that commits. Also run by {@link Migrator#dryRun()}, and by
     * {@link Migrator#checkConditions()} for an applied migration. Does nothing unless overridden.
     */
    default void postconditions(Checks checks) throws Exception {
    }
}
