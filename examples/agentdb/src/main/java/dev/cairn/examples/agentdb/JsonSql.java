package dev.cairn.examples.agentdb;

import dev.cairn.runtime.Database;
import dev.cairn.runtime.MigrationContext;

/**
 * The JSON expressions of these migrations, over a JSON document kept in a text column. SQLite
 * and PostgreSQL each spell JSON access their own way; every migration asks here.
 */
final class JsonSql {

    private JsonSql() {
    }

    /** The text value of {@code key} in {@code column}, or NULL when absent. */
    static String text(Database database, String column, String key) {
        return switch (database.kind()) {
            case POSTGRESQL -> "(CAST(" + column + " AS jsonb) ->> '" + key + "')";
            case SQLITE -> "json_extract(" + column + ", '$." + key + "')";
            case OTHER -> throw unsupported(database);
        };
    }

    /** Whether {@code column}'s document has {@code key}, even with a JSON null. */
    static String has(Database database, String column, String key) {
        return switch (database.kind()) {
            case POSTGRESQL -> "(CAST(" + column + " AS jsonb) ? '" + key + "')";
            case SQLITE -> "(json_type(" + column + ", '$." + key + "') IS NOT NULL)";
            case OTHER -> throw unsupported(database);
        };
    }

    /** {@code column}'s document with {@code key} set to the SQL value {@code value}, as text. */
    static String set(Database database, String column, String key, String value) {
        return switch (database.kind()) {
            case POSTGRESQL -> "CAST(jsonb_set(CAST(COALESCE(" + column + ", '{}') AS jsonb), '{" + key + "}', to_jsonb("
                    + value + ")) AS TEXT)";
            case SQLITE -> "json_set(COALESCE(" + column + ", '{}'), '$." + key + "', " + value + ")";
            case OTHER -> throw unsupported(database);
        };
    }

    /** {@code column}'s document without {@code key}, as text. */
    static String remove(Database database, String column, String key) {
        return switch (database.kind()) {
            case POSTGRESQL -> "CAST(CAST(" + column + " AS jsonb) - '" + key + "' AS TEXT)";
            case SQLITE -> "json_remove(" + column + ", '$." + key + "')";
            case OTHER -> throw unsupported(database);
        };
    }

    /**
     * Whether {@code column} holds a well-formed document; on PostgreSQL, after
     * {@link #defineValidity} in the same session.
     */
    static String valid(Database database, String column) {
        return switch (database.kind()) {
            case POSTGRESQL -> "pg_temp.agentdb_is_json(" + column + ")";
            case SQLITE -> "json_valid(" + column + ")";
            case OTHER -> throw unsupported(database);
        };
    }

    /**
     * Defines what {@link #valid} calls on PostgreSQL, which has no {@code IS JSON} before version
     * 16: a cast that catches its own error, in a function of this session only (pg_temp), so the
     * schema does not keep it.
     */
    static void defineValidity(MigrationContext db) throws Exception {
        if (db.database().kind() == Database.Kind.POSTGRESQL) {
            db.execute("CREATE OR REPLACE FUNCTION pg_temp.agentdb_is_json(value TEXT) RETURNS BOOLEAN LANGUAGE plpgsql AS $body$"
                    + " BEGIN PERFORM CAST(value AS jsonb); RETURN TRUE;"
                    + " EXCEPTION WHEN others THEN RETURN FALSE; END $body$");
        }
    }

    private static IllegalStateException unsupported(Database database) {
        return new IllegalStateException("These migrations spell JSON for SQLite and PostgreSQL only, not " + database);
    }
}
