package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.examples.codetune.MigrationRegistry;
import dev.cairn.test.DatabaseKind;
import dev.cairn.test.TestDatabase;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every refusal and error of the built command: its exit code, its message, and the database left as it was. */
class RefusalsIT {

    private static final String CODETUNE = CairnProcess.classpathOf(MigrationRegistry.class);
    private static final String ROUTERS = CairnProcess.classpathOf(dev.cairn.examples.routers.MigrationRegistry.class);

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void withoutATerminal_andWithoutYes_everyVerbThatWrites_refusesWithExitCode5_andChangesNothing(DatabaseKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            CairnProcess cairn = new CairnProcess(directory).env("CAIRN_URL", db.jdbcUrl()).env("CAIRN_CLASSPATH", CODETUNE);
            CairnProcess.Run migrate = cairn.run("migrate").exits(ExitCode.REFUSED);
            assertTrue(migrate.err().contains("Will apply 8 migrations to"), migrate.err());
            assertTrue(migrate.err().contains("error: migrate changes the database and asks for a confirmation first, but there is"
                    + " no terminal to ask on. Nothing was changed. Pass --yes"), migrate.err());
            assertEquals(List.of(), db.tables());

            cairn.run("migrate", "--target", "2", "--yes").exits(0);
            List<String> before = db.rows("SELECT version FROM cairn_history ORDER BY version");
            JsonNode rollback = cairn.run("rollback", "--to", "base", "--json").exits(ExitCode.REFUSED).json();
            assertFalse(rollback.get("ok").asBoolean());
            assertEquals(5, rollback.get("exitCode").asInt());
            assertEquals("NOT_CONFIRMED", rollback.get("error").get("code").asText());
            cairn.run("baseline", "3").exits(ExitCode.REFUSED);
            assertEquals(before, db.rows("SELECT version FROM cairn_history ORDER BY version"));
            assertEquals(List.of("1", "2"), before);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aMigrationThatFails_exitsWith1_namingIt_andLeavesNothingApplied(DatabaseKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.execute("CREATE TABLE training_config (id INTEGER PRIMARY KEY)");
            CairnProcess cairn = new CairnProcess(directory).env("CAIRN_URL", db.jdbcUrl()).env("CAIRN_CLASSPATH", CODETUNE);
            JsonNode failed = cairn.run("migrate", "--yes", "--json").exits(ExitCode.FAILURE).json();
            assertEquals("MIGRATION_FAILED", failed.get("error").get("code").asText());
            String message = failed.get("error").get("message").asText();
            assertTrue(message.contains("1 \"Create the training_config table\""), message);
            assertTrue(message.contains("dev.cairn.examples.codetune.CreateTrainingConfig"), message);
            assertEquals(List.of(), db.rows("SELECT version FROM cairn_history"));
            assertFalse(db.tables().contains("training_metric"));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aChangedMigration_isAValidationProblem_exitCode3_forValidateAndMigrate(DatabaseKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            CairnProcess cairn = new CairnProcess(directory).env("CAIRN_URL", db.jdbcUrl()).env("CAIRN_CLASSPATH", CODETUNE);
            cairn.run("migrate", "--target", "2", "--yes").exits(0);
            db.execute("UPDATE cairn_history SET checksum = 'src1:0000000000000000000000000000000000000000000000000000000000000000'"
                    + " WHERE version = '1'");

            JsonNode validate = cairn.run("validate", "--json").exits(ExitCode.VALIDATION).json();
            assertFalse(validate.get("valid").asBoolean());
            List<String> kinds = new java.util.ArrayList<>();
            validate.get("problems").forEach(p -> kinds.add(p.get("version").asText() + " " + p.get("kind").asText()));
            assertEquals(List.of("1 CHECKSUM_CHANGED", "3 PENDING", "4 PENDING", "4.1 PENDING", "5 PENDING", "6 PENDING", "7 PENDING"),
                    kinds);

            CairnProcess.Run migrate = cairn.run("migrate", "--yes").exits(ExitCode.VALIDATION);
            assertTrue(migrate.err().contains("1 \"Create the training_config table\""), migrate.err());
            assertEquals(List.of("1", "2"), db.rows("SELECT version FROM cairn_history ORDER BY version"));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anotherSessionHoldingALockOnTheHistory_isExitCode4_afterTheLockTimeout(DatabaseKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            CairnProcess cairn = new CairnProcess(directory).env("CAIRN_URL", db.jdbcUrl()).env("CAIRN_CLASSPATH", CODETUNE);
            cairn.run("migrate", "--target", "1", "--yes").exits(0);
            try (Connection holder = DriverManager.getConnection(db.jdbcUrl()); Statement statement = holder.createStatement()) {
                holder.setAutoCommit(false);
                // SQLite: a write transaction holds the database's write lock; PostgreSQL: a lock on the history table.
                statement.execute(kind == DatabaseKind.SQLITE ? "UPDATE cairn_history SET installed_by = installed_by"
                        : "LOCK TABLE cairn_history IN ACCESS EXCLUSIVE MODE");
                JsonNode locked = cairn.run("migrate", "--yes", "--lock-timeout", "1s", "--json").exits(ExitCode.LOCK_TIMEOUT).json();
                assertEquals("LOCK_TIMEOUT", locked.get("error").get("code").asText());
                assertTrue(locked.get("error").get("message").asText().endsWith("(The cairn command's option is --lock-timeout,"
                        + " such as --lock-timeout 30m.)"), locked.toString());
                holder.rollback();
            }
            assertEquals(List.of("1"), db.rows("SELECT version FROM cairn_history"));
            assertFalse(db.tables().contains("training_metric"));
        }
    }

    @Test
    void rollingBackAcrossAnIrreversibleMigration_isRefusedBeforeAnythingRuns() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.SQLITE)) {
            CairnProcess cairn = new CairnProcess(directory).env("CAIRN_URL", db.jdbcUrl()).env("CAIRN_CLASSPATH", ROUTERS);
            cairn.run("migrate", "--yes").exits(0);
            List<String> before = db.rows("SELECT version FROM cairn_history ORDER BY version");

            CairnProcess.Run three = cairn.run("rollback", "3", "--yes").exits(ExitCode.FAILURE);
            assertTrue(three.err().contains("migration 5 \"Remove timeout_seconds from the JSON metadata\""
                    + " (dev.cairn.examples.routers.ForgetMetadataTimeouts) is irreversible"), three.err());
            CairnProcess.Run base = cairn.run("rollback", "--to", "base", "--yes").exits(ExitCode.FAILURE);
            assertTrue(base.err().contains("is irreversible (reversible = false). Nothing was changed. Roll back only migrations after"
                    + " it (rollback --to 5)"), base.err());
            assertEquals(before, db.rows("SELECT version FROM cairn_history ORDER BY version"));
        }
    }

    @Test
    void mistakesOnTheCommandLine_areUsageErrors_exitCode2_sayingWhatToDo() throws Exception {
        Path db = directory.resolve("app.db");
        CairnProcess cairn = new CairnProcess(directory);
        String url = "jdbc:sqlite:" + db;

        assertTrue(cairn.run("status", "--classpath", CODETUNE).exits(ExitCode.USAGE).err()
                .contains("error: No database given. Pass --url jdbc:sqlite:app.db"));
        assertTrue(cairn.run("status", "--url", url).exits(ExitCode.USAGE).err()
                .contains("error: status needs the migrations: pass --classpath"));
        assertTrue(cairn.run("status", "--url", url, "--classpath", "missing.jar").exits(ExitCode.USAGE).err()
                .contains("error: --classpath entry missing.jar does not exist"));
        assertTrue(cairn.run("status", "--url", "jdbc:postgresql://db/app?password=hunter2", "--classpath", CODETUNE)
                .exits(ExitCode.USAGE).err().contains("error: --url holds a password, which every user of this machine can read"));
        assertTrue(cairn.run("status", "--url", url, "--classpath", CODETUNE + File.pathSeparator + ROUTERS).exits(ExitCode.USAGE)
                .err().contains("error: The classpath has 2 Cairn migration registries: "));
        assertTrue(cairn.run("migrate", "--url", url, "--classpath", CODETUNE, "--target", "9", "--yes").exits(ExitCode.USAGE)
                .err().contains("error: --target is 9, which is not a migration of dev.cairn.examples.codetune.MigrationRegistry"
                        + " (its versions: 1, 2, 3, 4, 4.1, 5, 6, 7). Nothing was changed."));
        assertTrue(cairn.run("rollback", "--help").exits(0).out().contains("rollback --to base  every applied migration"));
        CairnProcess.Run unknown = cairn.run("migrate", "--frobnicate").exits(ExitCode.USAGE);
        assertTrue(unknown.err().contains("error: Unknown option: '--frobnicate'"), unknown.err());
        JsonNode unknownJson = cairn.run("migrate", "--frobnicate", "--json").exits(ExitCode.USAGE).json();
        assertEquals("USAGE", unknownJson.get("error").get("code").asText());
        assertEquals("migrate", unknownJson.get("command").asText());
        cairn.run("migrate", "--sql", "--url", url, "--classpath", CODETUNE).exits(0);
        assertFalse(Files.exists(db), "no command created the database, not even the dry run of --sql");
    }

    @Test
    void severalRegistries_runOnceOneIsNamed_eachWithItsOwnHistoryTable() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.SQLITE)) {
            CairnProcess cairn = new CairnProcess(directory).env("CAIRN_URL", db.jdbcUrl())
                    .env("CAIRN_CLASSPATH", CODETUNE + File.pathSeparator + ROUTERS);
            cairn.run("migrate", "--yes", "--registry", "dev.cairn.examples.routers.MigrationRegistry",
                    "--history-table", "routers_history", "--log-table", "routers_log").exits(0);
            cairn.run("migrate", "--yes", "--registry", MigrationRegistry.class.getName()).exits(0);
            assertEquals(6, db.rows("SELECT version FROM routers_history").size());
            assertEquals(8, db.rows("SELECT version FROM cairn_history").size());
        }
    }

    @Test
    void thePassword_fromDatabaseUrl_isNeverShown_evenInAnError() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            String hostAndPort = db.jdbcUrl().replaceAll("jdbc:postgresql://([^/]+)/.*", "$1");
            CairnProcess cairn = new CairnProcess(directory).env("CAIRN_CLASSPATH", CODETUNE)
                    .env("DATABASE_URL", "postgresql://postgres:s3cret-Pw@" + hostAndPort + "/no_such_database");
            CairnProcess.Run failed = cairn.run("status").exits(ExitCode.FAILURE);
            assertTrue(failed.err().contains("no_such_database"), failed.err());
            assertFalse((failed.out() + failed.err()).contains("s3cret-Pw"), failed.err());
        }
    }
}
