package dev.cairn.runtime.spi;

import dev.cairn.runtime.MigrationContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * {@link MigrationContext#rebuildTable}, for a database whose ALTER TABLE cannot change a column
 * (capability {@link dev.cairn.runtime.Database.Capability#TABLE_REBUILD}).
 */
public interface TableRebuilder {

    /**
     * Whether the rebuild must first have foreign key enforcement switched off (it drops the old
     * table, which with enforcement on would cascade to or fail on the rows referencing it). Asked
     * inside the migration's transaction.
     */
    boolean needsForeignKeysOff(Connection connection) throws SQLException;

    /**
     * Switches foreign key enforcement off, outside any transaction. The guard checks the keys
     * before commit instead, and closing it, after the transaction ended, switches enforcement on
     * again.
     */
    ForeignKeyGuard foreignKeysOff(Connection connection) throws SQLException;

    /** Carries out {@link MigrationContext#rebuildTable} for the running migration. */
    void rebuild(MigrationContext db, String table, String definition, Map<String, String> copy) throws SQLException;
}
