package dev.cairn.examples.agentdb;

import dev.cairn.Migration;
import dev.cairn.runtime.Checks;
import dev.cairn.runtime.Database;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;
import java.util.List;

/**
 * Seed 001's procedure 4, table restructure: workers are rebuilt as {@code workers_v2} with a
 * priority and a retry count, every row copied, and the tables swapped, the old one kept as
 * {@code workers_v1_backup}. Its indexes move to the new table under their old names. {@code down()}
 * rebuilds the version-1 table from the current rows, so workers added since are kept.
 */
@Migration(version = "6", dependsOn = "4", description = "Restructure workers with priority and retry_count")
final class RestructureWorkers implements JavaMigration {

    private static final String VERSION_1_COLUMNS =
            "worker_id, planner_id, task_status, task_description, task_result, tools, metadata, created_at";

    @Override
    public void preconditions(Checks checks) throws Exception {
        checks.tableMissing("workers_v2");
        checks.tableMissing("workers_v1_backup");
    }

    @Override
    public void postconditions(Checks checks) throws Exception {
        checks.equal("every worker copied", "SELECT COUNT(*) FROM workers_v1_backup", "SELECT COUNT(*) FROM workers");
        checks.none("every worker at schema version 2", "SELECT worker_id FROM workers WHERE schema_version <> 2");
        checks.integrity();
    }

    @Override
    public void up(MigrationContext db) throws Exception {
        db.execute("CREATE TABLE workers_v2 ("
                + "worker_id VARCHAR(32) PRIMARY KEY, "
                + "planner_id VARCHAR(32) NOT NULL REFERENCES planners (planner_id), "
                + "task_status VARCHAR(50) NOT NULL, "
                + "priority INTEGER NOT NULL DEFAULT 0, "
                + "retry_count INTEGER NOT NULL DEFAULT 0, "
                + "task_description TEXT, "
                + "task_result TEXT, "
                + "tools TEXT, "
                + "metadata TEXT, "
                + "schema_version INTEGER NOT NULL DEFAULT 2, "
                + "created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)");
        db.execute("INSERT INTO workers_v2 (" + VERSION_1_COLUMNS + ", priority, retry_count, schema_version) SELECT "
                + VERSION_1_COLUMNS + ", 0, 0, 2 FROM workers");
        // Index names are the schema's, not the table's: the backup gives them up to the new table.
        db.execute("DROP INDEX idx_workers_status");
        db.execute("DROP INDEX idx_workers_planner");
        db.execute("ALTER TABLE workers RENAME TO workers_v1_backup");
        db.execute("ALTER TABLE workers_v2 RENAME TO workers");
        renameKeys(db, "workers", "workers_v1_backup");
        renameKeys(db, "workers_v2", "workers");
        CreateAgentTables.indexWorkers(db);
    }

    @Override
    public void down(MigrationContext db) throws Exception {
        CreateAgentTables.createWorkers(db, "workers_v1");
        db.execute("INSERT INTO workers_v1 (" + VERSION_1_COLUMNS + ", schema_version) SELECT " + VERSION_1_COLUMNS
                + ", 1 FROM workers");
        db.execute("DROP TABLE workers");
        db.execute("DROP TABLE workers_v1_backup");
        db.execute("ALTER TABLE workers_v1 RENAME TO workers");
        renameKeys(db, "workers_v1", "workers");
        CreateAgentTables.indexWorkers(db);
    }

    /**
     * PostgreSQL names a table's keys after the table and keeps those names through a rename:
     * gives the keys of the table now called {@code table} the names it would have given them.
     */
    private static void renameKeys(MigrationContext db, String formerName, String table) throws Exception {
        if (db.database().kind() == Database.Kind.POSTGRESQL) {
            for (String key : List.of("pkey", "planner_id_fkey")) {
                db.execute("ALTER TABLE " + table + " RENAME CONSTRAINT " + formerName + "_" + key + " TO " + table + "_" + key);
            }
        }
    }
}
