package dev.cairn.runtime.spi;

/**
 * What a backup may need besides the connection.
 *
 * @param pgDump the pg_dump program, for PostgreSQL
 * @param password the password from the JDBC URL, or {@code null}; handed to pg_dump through
 *     its environment, never on its command line
 */
public record BackupOptions(String pgDump, String password) {

    @Override
    public String toString() {
        return "BackupOptions[pgDump=" + pgDump + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
