package dev.cairn.runtime.dialect;

import java.sql.SQLException;

/**
 * Foreign key handling around one migration's transaction: {@link #check()} runs before commit,
 * {@link #close()} after the transaction ends, restoring the connection's setting.
 */
public interface ForeignKeyGuard extends AutoCloseable {

    /** A guard for databases whose constraints need no help. */
    ForeignKeyGuard NONE = new ForeignKeyGuard() {
        @Override
        public void check() {
            // Constraints were enforced statement by statement.
        }

        @Override
        public void close() {
            // Nothing was changed.
        }
    };

    /**
     * Fails if the migration left rows that violate a foreign key.
     *
     * @throws SQLException describing the violations
     */
    void check() throws SQLException;

    @Override
    void close() throws SQLException;
}
