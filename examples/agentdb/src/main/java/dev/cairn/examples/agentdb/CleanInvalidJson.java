package dev.cairn.examples.agentdb;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.Migration;
import dev.cairn.runtime.Checks;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;
import java.util.List;
import java.util.Objects;

/**
 * Seed 001's fix for JSON parsing errors: a missing or malformed {@code metadata} document becomes
 * {@code '{}'}, so the procedures after it can read every row. The seed overwrites the bad values;
 * here they are kept in {@code agentdb_invalid_json} first, so nothing is lost and {@code down()}
 * puts them back.
 */
@Migration(version = "2", dependsOn = "1", description = "Set malformed JSON metadata aside")
final class CleanInvalidJson implements JavaMigration {

    /** Each table with a metadata document, and its key column. */
    static final List<List<String>> TABLES = List.of(
            List.of("routers", "router_id"), List.of("planners", "planner_id"), List.of("workers", "worker_id"));

    @Override
    public void up(MigrationContext db) throws Exception {
        db.execute("CREATE TABLE agentdb_invalid_json ("
                + "table_name VARCHAR(32) NOT NULL, "
                + "row_id VARCHAR(32) NOT NULL, "
                + "raw TEXT, "
                + "PRIMARY KEY (table_name, row_id))");
        JsonSql.defineValidity(db);
        for (List<String> table : TABLES) {
            String name = table.get(0);
            String key = table.get(1);
            String invalid = "metadata IS NULL OR NOT " + JsonSql.valid(db.database(), "metadata");
            db.execute("INSERT INTO agentdb_invalid_json (table_name, row_id, raw) SELECT '" + name + "', " + key
                    + ", metadata FROM " + name + " WHERE " + invalid);
            db.execute("UPDATE " + name + " SET metadata = '{}' WHERE " + invalid);
        }
    }

    /** Every document now parses, checked by the JSON parser the application uses rather than by SQL. */
    @Override
    public void postconditions(Checks checks) throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (List<String> table : TABLES) {
            List<String> malformed = checks.query("SELECT " + table.get(1) + ", metadata FROM " + table.get(0),
                    row -> parses(json, row.getString(2)) ? null : row.getString(1)).stream().filter(Objects::nonNull).toList();
            checks.that("every " + table.get(0) + " metadata document is JSON", malformed.isEmpty(), malformed.isEmpty()
                    ? "every one parses" : malformed.size() + " that do not: " + malformed.subList(0, Math.min(5, malformed.size())));
        }
    }

    private static boolean parses(ObjectMapper json, String document) {
        try {
            return document != null && json.readTree(document) != null;
        } catch (JacksonException e) {
            return false;
        }
    }

    @Override
    public void down(MigrationContext db) throws Exception {
        for (List<String> table : TABLES) {
            String name = table.get(0);
            String key = table.get(1);
            db.execute("UPDATE " + name + " SET metadata = (SELECT raw FROM agentdb_invalid_json j WHERE j.table_name = '"
                    + name + "' AND j.row_id = " + name + "." + key + ") WHERE " + key
                    + " IN (SELECT row_id FROM agentdb_invalid_json WHERE table_name = '" + name + "')");
        }
        db.execute("DROP TABLE agentdb_invalid_json");
    }
}
