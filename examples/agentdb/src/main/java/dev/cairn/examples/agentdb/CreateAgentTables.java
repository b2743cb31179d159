package dev.cairn.examples.agentdb;

import dev.cairn.Migration;
import dev.cairn.runtime.Checks;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

/** Seed 001's schema version 1: JSON documents in text columns, a schema_version on every row. */
@Migration(version = "1", description = "Create routers, planners and workers")
final class CreateAgentTables implements JavaMigration {

    @Override
    public void preconditions(Checks checks) throws Exception {
        checks.tableMissing("routers");
        checks.tableMissing("planners");
        checks.tableMissing("workers");
    }

    @Override
    public void up(MigrationContext db) throws Exception {
        db.execute("CREATE TABLE routers ("
                + "router_id VARCHAR(32) PRIMARY KEY, "
                + "name TEXT NOT NULL, "
                + "metadata TEXT, "
                + "schema_version INTEGER NOT NULL DEFAULT 1, "
                + "created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)");
        db.execute("CREATE TABLE planners ("
                + "planner_id VARCHAR(32) PRIMARY KEY, "
                + "router_id VARCHAR(32) NOT NULL REFERENCES routers (router_id), "
                + "goal TEXT, "
                + "metadata TEXT, "
                + "schema_version INTEGER NOT NULL DEFAULT 1, "
                + "created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)");
        createWorkers(db, "workers");
        indexWorkers(db);
    }

    /** The version-1 workers table under {@code name}, with its indexes; the restructure's rollback recreates it. */
    static void createWorkers(MigrationContext db, String name) throws Exception {
        db.execute("CREATE TABLE " + name + " ("
                + "worker_id VARCHAR(32) PRIMARY KEY, "
                + "planner_id VARCHAR(32) NOT NULL REFERENCES planners (planner_id), "
                + "task_status VARCHAR(50) NOT NULL, "
                + "task_description TEXT, "
                + "task_result TEXT, "
                + "tools TEXT, "
                + "metadata TEXT, "
                + "schema_version INTEGER NOT NULL DEFAULT 1, "
                + "created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)");
    }

    /** The indexes of the workers table, by the names the application's queries were tuned with. */
    static void indexWorkers(MigrationContext db) throws Exception {
        db.execute("CREATE INDEX idx_workers_status ON workers (task_status)");
        db.execute("CREATE INDEX idx_workers_planner ON workers (planner_id)");
    }

    @Override
    public void down(MigrationContext db) throws Exception {
        db.execute("DROP TABLE workers");
        db.execute("DROP TABLE planners");
        db.execute("DROP TABLE routers");
    }
}
