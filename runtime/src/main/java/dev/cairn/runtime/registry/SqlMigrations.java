package dev.cairn.runtime.registry;

import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.internal.sqlfile.SqlFileMigration;
import dev.cairn.runtime.internal.sqlfile.SqlResource;

/**
 * The steps of SQL-file migrations, for generated registries (format 2 on). A step loads its file
 * from the classpath only when it runs, never when the registry loads, and refuses a file whose
 * checksum is not the one compiled in (a resource edited without recompiling), so a stale file is
 * never run. Its statements run one by one through the migration's context: dry runs list them,
 * and a failure names the file, the statement and its line in the file.
 */
public final class SqlMigrations {

    private SqlMigrations() {
    }

    /**
     * The step of a versioned SQL migration: {@code up} runs {@code resource}; {@code down} runs
     * {@code undoResource}, or throws {@link dev.cairn.runtime.IrreversibleMigrationException}
     * when there is none.
     *
     * @param anchor the generated registry class, whose class loader loads the resources
     * @param resource the file's classpath path, such as {@code "db/migration/V2__add_users.sql"}
     * @param checksum its compile-time checksum ({@code "sql1:..."})
     * @param undoResource the undo file's classpath path ({@code "db/migration/U2__add_users.sql"}),
     *     or null when there is no undo file
     * @param undoChecksum the undo file's compile-time checksum, null exactly when {@code undoResource} is
     */
    public static JavaMigration versioned(Class<?> anchor, String resource, String checksum, String undoResource,
            String undoChecksum) {
        if ((undoResource == null) != (undoChecksum == null)) {
            throw new IllegalArgumentException("the undo file of " + resource + " needs both its resource and its checksum,"
                    + " or neither: got " + undoResource + " and " + undoChecksum);
        }
        return new SqlFileMigration(new SqlResource(anchor, resource, checksum),
                undoResource == null ? null : new SqlResource(anchor, undoResource, undoChecksum), false);
    }

    /**
     * The step of a repeatable SQL migration.
     *
     * @param anchor the generated registry class, whose class loader loads the resource
     * @param resource the file's classpath path, such as {@code "db/migration/R__views.sql"}
     * @param checksum its compile-time checksum ({@code "sql1:..."})
     */
    public static JavaMigration repeatable(Class<?> anchor, String resource, String checksum) {
        return new SqlFileMigration(new SqlResource(anchor, resource, checksum), null, true);
    }
}
