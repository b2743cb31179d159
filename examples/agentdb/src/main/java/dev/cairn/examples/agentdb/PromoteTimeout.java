package dev.cairn.examples.agentdb;

import dev.cairn.Migration;
import dev.cairn.runtime.Checks;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

/**
 * Seed 001's procedure 3, column promotion: {@code timeout_seconds}, read on every request, moves
 * from the JSON metadata to a column of its own, and routers move to schema version 2.
 * {@code down()} writes each router's column back into its metadata before dropping it.
 */
@Migration(version = "5", dependsOn = "3", description = "Promote timeout_seconds from JSON to a column")
final class PromoteTimeout implements JavaMigration {

    @Override
    public void preconditions(Checks checks) throws Exception {
        checks.columnMissing("routers", "timeout_seconds");
    }

    @Override
    public void postconditions(Checks checks) throws Exception {
        checks.none("every timeout moved from the metadata to its column", "SELECT router_id FROM routers"
                + " WHERE timeout_seconds IS NULL OR " + JsonSql.has(checks.database(), "metadata", "timeout_seconds"));
        checks.none("every router at schema version 2", "SELECT router_id FROM routers WHERE schema_version <> 2");
    }

    @Override
    public void up(MigrationContext db) throws Exception {
        String inJson = JsonSql.has(db.database(), "metadata", "timeout_seconds");
        db.execute("ALTER TABLE routers ADD COLUMN timeout_seconds INTEGER DEFAULT 300");
        db.execute("UPDATE routers SET timeout_seconds = CAST("
                + JsonSql.text(db.database(), "metadata", "timeout_seconds") + " AS INTEGER) WHERE " + inJson);
        db.execute("UPDATE routers SET metadata = " + JsonSql.remove(db.database(), "metadata", "timeout_seconds")
                + " WHERE " + inJson);
        db.execute("UPDATE routers SET schema_version = 2");
    }

    @Override
    public void down(MigrationContext db) throws Exception {
        db.execute("UPDATE routers SET metadata = "
                + JsonSql.set(db.database(), "metadata", "timeout_seconds", "timeout_seconds"));
        db.execute("ALTER TABLE routers DROP COLUMN timeout_seconds");
        db.execute("UPDATE routers SET schema_version = 1");
    }
}
