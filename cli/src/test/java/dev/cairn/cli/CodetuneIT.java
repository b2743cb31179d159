package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.examples.codetune.MigrationRegistry;
import dev.cairn.test.DatabaseKind;
import dev.cairn.test.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Seed 002's story told through the built cairn command, as its guide tells it with flask db: upgrade
 * to a revision, current, the offline --sql script, upgrade to head, history, downgrade one and to
 * base, stamp. The same golden output on SQLite and PostgreSQL.
 */
class CodetuneIT {

    private static final String CODETUNE = CairnProcess.classpathOf(MigrationRegistry.class);

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void seed002_upgradeCurrentSqlHistoryDowngradeAndStamp(DatabaseKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            CairnProcess cairn = new CairnProcess(directory).env("CAIRN_URL", db.jdbcUrl()).env("CAIRN_CLASSPATH", CODETUNE);

            // flask db upgrade <revision>: the trunk up to process_rank.
            JsonNode upgraded = cairn.run("upgrade", "--target", "3", "--yes", "--installed-by", "ci", "--json").exits(0).json();
            assertEquals(List.of("1", "2", "3"), versions(upgraded.get("applied")));
            String database = upgraded.get("database").asText();
            assertEquals(List.of("1", "2", "3"), db.rows("SELECT version FROM cairn_history ORDER BY installed_on, version"));

            // flask db current
            assertEquals("<database> is at\n  3 \"Add process_rank to training_metric\" (dev.cairn.examples.codetune.AddProcessRank)\n"
                    + "5 migrations pending.\n", normalized(cairn.run("current").exits(0).out(), database, db));

            Normalized.assertGolden("status-after-upgrade-to-3.txt", normalized(cairn.run("status").exits(0).out(), database, db));

            // flask db upgrade --sql > migration.sql: the statements, the database left as it was.
            CairnProcess.Run sql = cairn.run("migrate", "--sql").exits(0);
            assertTrue(sql.out().contains("\n-- 4 Add owner to training_config\nALTER TABLE training_config ADD COLUMN owner VARCHAR(100);\n"),
                    sql.out());
            assertTrue(sql.out().contains("CREATE INDEX training_metric_config_step ON training_metric (config_id, step);"), sql.out());
            assertTrue(sql.out().contains("-- This script does not record anything in Cairn's history table"), sql.out());
            assertEquals(List.of("1", "2", "3"), db.rows("SELECT version FROM cairn_history ORDER BY version"));
            assertFalse(db.tables().contains("latest_training_metric"));

            // flask db upgrade: the two branches and their merge.
            CairnProcess.Run upgrade = cairn.run("migrate", "--yes", "--installed-by", "ci").exits(0);
            assertTrue(upgrade.out().startsWith("Applied 5 migrations to " + database), upgrade.out());
            assertTrue(upgrade.err().contains("Will apply 5 migrations to"), upgrade.err());
            assertEquals(8, db.rows("SELECT version FROM cairn_history").size());

            Normalized.assertGolden("history-after-upgrade.txt", normalized(cairn.run("history").exits(0).out(), database, db));
            JsonNode history = cairn.run("history", "--json").exits(0).json();
            assertEquals(8, history.get("entries").size());
            assertEquals("APPLY 4.1 ci", history.get("entries").get(4).get("action").asText() + " "
                    + history.get("entries").get(4).get("version").asText() + " " + history.get("entries").get(4).get("loggedBy").asText());
            assertEquals(List.of("7"), versions(cairn.run("current", "--json").exits(0).json().get("current")));

            // flask db downgrade: the last one.
            CairnProcess.Run downgrade = cairn.run("downgrade", "--yes").exits(0);
            assertEquals("Rolled back 1 migration on <database>:\n  7 \"Backfill loss_gap of logged metrics\" (<n> ms)\n",
                    normalized(downgrade.out(), database, db));

            // flask db downgrade base: everything, tables and all.
            JsonNode base = cairn.run("rollback", "--to", "base", "--yes", "--json").exits(0).json();
            assertEquals(List.of("6", "5", "4.1", "4", "3", "2", "1"), versions(base.get("rolledBack")));
            assertFalse(db.tables().contains("training_config"), db.tables().toString());
            assertEquals(List.of(), db.rows("SELECT version FROM cairn_history"));

            // flask db stamp head: recorded as applied, nothing run.
            JsonNode stamped = cairn.run("stamp", "head", "--yes", "--json").exits(0).json();
            assertEquals(8, stamped.get("marked").size());
            assertEquals(8, db.rows("SELECT version FROM cairn_history").size());
            assertFalse(db.tables().contains("training_config"), db.tables().toString());
        }
    }

    static List<String> versions(JsonNode migrations) {
        List<String> versions = new ArrayList<>();
        migrations.forEach(m -> versions.add(m.get("version").asText()));
        return versions;
    }

    /** The output with the database (as reports name it, and as its URL) and what changes between runs replaced. */
    static String normalized(String output, String database, TestDatabase db) {
        return Normalized.of(output.replace(database, "<database>").replace(db.jdbcUrl(), "<database>"), "<database>");
    }
}
