package dev.cairn.http.testing;

import dev.cairn.test.TestDatabase;
import java.util.ArrayList;
import java.util.List;

/**
 * What a test compares before and after a refused request to see that nothing changed: every
 * table with its row count, and the rows of Cairn's history and log.
 */
public final class DatabaseState {

    private DatabaseState() {
    }

    public static List<String> of(TestDatabase database) {
        List<String> state = new ArrayList<>();
        List<String> tables = database.tables();
        for (String table : tables) {
            state.add(table + ": " + database.rows("SELECT COUNT(*) FROM " + table).get(0) + " rows");
        }
        if (tables.contains("cairn_history")) {
            state.addAll(database.rows("SELECT version, checksum FROM cairn_history ORDER BY version"));
        }
        if (tables.contains("cairn_log")) {
            state.addAll(database.rows("SELECT id, version, action FROM cairn_log ORDER BY id"));
        }
        return state;
    }
}
