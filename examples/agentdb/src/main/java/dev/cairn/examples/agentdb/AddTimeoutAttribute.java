package dev.cairn.examples.agentdb;

import dev.cairn.Migration;
import dev.cairn.runtime.Checks;
import dev.cairn.runtime.Database;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

/**
 * Seed 001's procedure 1, JSON attribute addition: every router's metadata gets
 * {@code timeout_seconds}, 300 where it had none. The routers it was added to are remembered in
 * {@code agentdb_defaulted_timeouts}, so that {@code down()} removes exactly those and keeps the
 * timeouts people set themselves.
 */
@Migration(version = "3", dependsOn = "2", description = "Add timeout_seconds to router metadata")
final class AddTimeoutAttribute implements JavaMigration {

    @Override
    public void preconditions(Checks checks) throws Exception {
        checks.none("every router at schema version 1", "SELECT router_id FROM routers WHERE schema_version <> 1");
    }

    @Override
    public void up(MigrationContext db) throws Exception {
        String missing = missing(db.database());
        db.execute("CREATE TABLE agentdb_defaulted_timeouts (router_id VARCHAR(32) PRIMARY KEY)");
        db.execute("INSERT INTO agentdb_defaulted_timeouts (router_id) SELECT router_id FROM routers WHERE " + missing);
        db.execute("UPDATE routers SET metadata = " + JsonSql.set(db.database(), "metadata", "timeout_seconds", "300")
                + " WHERE " + missing);
    }

    @Override
    public void postconditions(Checks checks) throws Exception {
        checks.none("every router has a timeout", "SELECT router_id FROM routers WHERE " + missing(checks.database()));
    }

    @Override
    public void down(MigrationContext db) throws Exception {
        db.execute("UPDATE routers SET metadata = " + JsonSql.remove(db.database(), "metadata", "timeout_seconds")
                + " WHERE router_id IN (SELECT router_id FROM agentdb_defaulted_timeouts)");
        db.execute("DROP TABLE agentdb_defaulted_timeouts");
    }

    private static String missing(Database database) {
        return "NOT " + JsonSql.has(database, "metadata", "timeout_seconds")
                + " OR " + JsonSql.text(database, "metadata", "timeout_seconds") + " IS NULL";
    }
}
