package dev.cairn.runtime.spi;

import java.sql.SQLException;

/**
 * Foreign keys checked by hand around one transaction while their enforcement is off:
 * {@link #start()} right after the transaction begins, {@link #check()} before commit,
 * {@link #close()} after the transaction ended, restoring enforcement.
 */
public interface ForeignKeyGuard extends AutoCloseable {

    /** For transactions that run with the connection's own setting: the database enforces the keys. */
    ForeignKeyGuard NONE = new ForeignKeyGuard() {
        @Override
        public boolean switchedOff() {
            return false;
        }

        @Override
        public void start() {
            // Nothing to remember: the database checks each statement.
        }

        @Override
        public void check() {
            // Constraints were enforced by the database.
        }

        @Override
        public void close() {
            // Nothing was switched.
        }
    };

    /** Whether enforcement is switched off while this guard is open, so the migration runs without it. */
    boolean switchedOff();

    /** Notes the violations already there, which are not the transaction's doing. */
    void start() throws SQLException;

    /**
     * Fails if the transaction left rows violating a foreign key that were not there at
     * {@link #start()}.
     *
     * @throws SQLException describing the new violations
     */
    void check() throws SQLException;

    @Override
    void close() throws SQLException;
}
