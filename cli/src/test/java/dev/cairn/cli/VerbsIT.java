package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.examples.codetune.MigrationRegistry;
import dev.cairn.test.DatabaseKind;
import dev.cairn.test.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The verbs beyond seed 002's story, through the built command with --json, parsed: status
 * --verbose, inspect, backup, repair, new; and the other places a connection comes from.
 */
class VerbsIT {

    private static final String CODETUNE = CairnProcess.classpathOf(MigrationRegistry.class);

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void statusVerbose_inspect_backup_andRepair_reportWhatTheyFound_asJson(DatabaseKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            CairnProcess cairn = new CairnProcess(directory).env("CAIRN_URL", db.jdbcUrl()).env("CAIRN_CLASSPATH", CODETUNE);
            cairn.run("migrate", "--yes").exits(0);
            db.execute("INSERT INTO training_config (model_type, dataset_name, batch_size, learning_rate, epochs, max_seq_length,"
                    + " warmup_steps) VALUES ('gpt2', 'code-search-net', 8, 0.0001, 3, 512, 100)");

            JsonNode status = cairn.run("status", "--verbose", "--json").exits(0).json();
            assertTrue(status.get("upToDate").asBoolean());
            assertEquals(8, status.get("applied").asInt());
            assertEquals("1 training_config", rows(status, "training_config"));

            JsonNode inspect = cairn.run("inspect", "--json").exits(0).json();
            assertEquals("1 training_config", rows(inspect, "training_config"));
            assertTrue(inspect.get("bytes").asLong() > 0);
            List<String> indexes = new ArrayList<>();
            inspect.get("tables").forEach(t -> t.get("indexes").forEach(i -> indexes.add(i.get("name").asText() + i.get("columns"))));
            assertTrue(indexes.contains("training_metric_config_step[\"config_id\",\"step\"]"), indexes.toString());

            JsonNode backup = cairn.run("backup", "--output", "before-repair.bak", "--json").exits(0).json();
            assertTrue(Files.size(directory.resolve("before-repair.bak")) > 0);
            assertEquals(Files.size(directory.resolve("before-repair.bak")), backup.get("bytes").asLong());
            cairn.run("backup", "--output", "before-repair.bak").exits(ExitCode.FAILURE);

            db.execute("UPDATE cairn_history SET checksum = 'src1:" + "0".repeat(64) + "' WHERE version = '4.1'");
            cairn.run("repair").exits(ExitCode.REFUSED);
            JsonNode repair = cairn.run("repair", "--yes", "--json").exits(0).json();
            assertEquals("[\"4.1\"]", repair.get("checksumsAccepted").toString());
            assertTrue(cairn.run("validate", "--json").exits(0).json().get("valid").asBoolean());
        }
    }

    @Test
    void new_writesTheNextMigration_dependingOnTheHeads_javaOrSql() throws Exception {
        CairnProcess cairn = new CairnProcess(directory).env("CAIRN_CLASSPATH", CODETUNE);
        JsonNode java = cairn.run("new", "Add", "notes", "to", "training_config", "--json").exits(0).json();
        assertEquals("8", java.get("version").asText());
        assertEquals("[\"7\"]", java.get("dependsOn").toString());
        Path written = directory.resolve("src/main/java/dev/cairn/examples/codetune/AddNotesToTrainingConfig.java");
        String source = Files.readString(written);
        assertTrue(source.contains("@Migration(version = \"8\", dependsOn = \"7\", description = \"Add notes to training_config\")"),
                source);
        cairn.run("new", "Add", "notes", "to", "training_config").exits(ExitCode.USAGE);

        JsonNode sql = cairn.run("new", "--sql", "--version", "7.1", "Backfill owners", "--json").exits(0).json();
        assertEquals("[\"src/main/resources/db/migration/V7.1__Backfill_owners.sql\","
                + "\"src/main/resources/db/migration/U7.1__Backfill_owners.sql\"]", sql.get("files").toString());
        assertTrue(Files.readString(directory.resolve("src/main/resources/db/migration/V7.1__Backfill_owners.sql"))
                .startsWith("-- cairn: dependsOn=7\n"));
    }

    @Test
    void theConnection_comesFromAPropertiesFile_aDatabaseUrl_andAPasswordFile() throws Exception {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            Files.writeString(directory.resolve("secret"), "any-password\n");
            Files.writeString(directory.resolve("cairn.properties"), "cairn.url=" + db.jdbcUrl().replaceAll("\\?.*", "") + "\n"
                    + "cairn.user=postgres\ncairn.passwordFile=secret\ncairn.classpath=" + CODETUNE + "\n");
            CairnProcess cairn = new CairnProcess(directory);
            JsonNode migrated = cairn.run("migrate", "--target", "2", "--yes", "--json").exits(0).json();
            assertEquals(2, migrated.get("applied").size());
            assertTrue(!migrated.toString().contains("any-password"));

            Files.writeString(directory.resolve("cairn.properties"), "cairn.url=x\ncairn.ulr=typo\n");
            assertTrue(cairn.run("status").exits(ExitCode.USAGE).err().contains("settings Cairn does not know: cairn.ulr"));
        }
        Path file = directory.resolve("sub/app.db");
        Files.createDirectories(file.getParent());
        CairnProcess alembic = new CairnProcess(directory).env("DATABASE_URL", "sqlite:///sub/app.db").env("CAIRN_CLASSPATH", CODETUNE);
        Files.delete(directory.resolve("cairn.properties"));
        alembic.run("upgrade", "--yes").exits(0);
        assertTrue(Files.size(file) > 0);
    }

    private static String rows(JsonNode report, String table) {
        for (JsonNode t : report.get("tables")) {
            if (t.get("name").asText().equals(table)) {
                return t.get("rows").asLong() + " " + table;
            }
        }
        return "no " + table;
    }
}
