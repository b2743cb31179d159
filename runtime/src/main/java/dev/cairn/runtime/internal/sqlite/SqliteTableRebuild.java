package dev.cairn.runtime.internal.sqlite;

import dev.cairn.runtime.MigrationContext;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The twelve-step table change of https://www.sqlite.org/lang_altertable.html#otheralter, the
 * part that runs inside the migration's transaction: new table, copy, drop, rename, indexes and
 * triggers again. Foreign keys are off by then (the engine starts the migration over with them
 * off if they were on) and checked before commit by {@link ForeignKeyGuard}, as the procedure
 * requires. Every statement runs through the context, so dry runs show them.
 */
final class SqliteTableRebuild {

    private final MigrationContext db;

    SqliteTableRebuild(MigrationContext db) {
        this.db = db;
    }

    void rebuild(String table, String definition, Map<String, String> copy) throws SQLException {
        List<String> dependents = db.query("SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger')"
                + " AND sql IS NOT NULL ORDER BY type, name", row -> row.getString(1), table);
        if (db.queryOne("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", row -> 1, table).isEmpty()) {
            throw new SQLException("rebuildTable: there is no table " + table + " to rebuild");
        }
        String temporary = quote("cairn_rebuild_" + table);
        db.execute("CREATE TABLE " + temporary + " (" + definition + ")");
        db.execute("INSERT INTO " + temporary + " (" + copy.keySet().stream().map(SqliteTableRebuild::quote)
                .collect(Collectors.joining(", ")) + ") SELECT " + String.join(", ", copy.values()) + " FROM " + quote(table));
        db.execute("DROP TABLE " + quote(table));
        db.execute("ALTER TABLE " + temporary + " RENAME TO " + quote(table));
        for (String sql : dependents) {
            db.execute(sql);
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
