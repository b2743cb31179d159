package dev.cairn.runtime.internal;

import dev.cairn.runtime.IrreversibleMigrationException;
import dev.cairn.runtime.MigrationDescriptor;

/** A rollback refused before it ran, because its plan crosses an irreversible migration. */
final class RollbackRefusedException extends IrreversibleMigrationException {

    private static final long serialVersionUID = 1L;

    RollbackRefusedException(MigrationDescriptor migration, String plan) {
        super(migration, plan);
    }

    /** Named as the API type callers catch: the engine's subclass is an implementation detail. */
    @Override
    public String toString() {
        return IrreversibleMigrationException.class.getName() + ": " + getMessage();
    }
}
