package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.testing.Mig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a migrator was loaded with can be read back, defaults included. */
class ConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void defaults_areReadBack() {
        Configuration config = Migrator.configure(Mig.source(), "jdbc:sqlite:" + dir.resolve("a.db")).load().configuration();

        assertEquals("jdbc:sqlite:" + dir.resolve("a.db"), config.database());
        assertEquals("cairn_history", config.historyTable());
        assertEquals("cairn_log", config.logTable());
        assertEquals("cairn_history_state", config.stateTable());
        assertEquals(Optional.empty(), config.schema());
        assertEquals(Duration.ofMinutes(10), config.lockTimeout());
        assertFalse(config.strictOrder());
        assertTrue(config.validateChecksums());
        assertFalse(config.allowUnknownApplied());
        assertEquals(Optional.empty(), config.backupDirectory());
        assertEquals(5, config.backupRetention());
        assertEquals("pg_dump", config.pgDump());
        assertEquals(System.getProperty("user.name"), config.installedBy());
        assertEquals(List.of(), config.listeners());
        assertEquals(OptionalInt.empty(), config.dataBatchSize());
    }

    @Test
    void everyOption_isReadBackAsGiven() {
        MigrationListener listener = new MigrationListener() {
        };
        Configuration config = Migrator.configure(Mig.source(), "jdbc:postgresql://db/app?user=app&password=secret")
                .historyTable("app_history").logTable("app_log").schema("ops").lockTimeout(Duration.ofSeconds(30))
                .strictOrder(true).validateChecksums(false).allowUnknownApplied(true).backupBeforeMigrate(dir)
                .backupRetention(2).pgDump("/usr/bin/pg_dump").installedBy("deployer").listener(listener)
                .dataBatchSize(250).load().configuration();

        assertEquals("jdbc:postgresql://db/app?user=app&password=***", config.database());
        assertEquals("app_history", config.historyTable());
        assertEquals("app_log", config.logTable());
        assertEquals("app_history_state", config.stateTable());
        assertEquals(Optional.of("ops"), config.schema());
        assertEquals(Duration.ofSeconds(30), config.lockTimeout());
        assertTrue(config.strictOrder());
        assertFalse(config.validateChecksums());
        assertTrue(config.allowUnknownApplied());
        assertEquals(Optional.of(dir), config.backupDirectory());
        assertEquals(2, config.backupRetention());
        assertEquals("/usr/bin/pg_dump", config.pgDump());
        assertEquals("deployer", config.installedBy());
        assertEquals(List.of(listener), config.listeners());
        assertEquals(OptionalInt.of(250), config.dataBatchSize());
    }

    @Test
    void toBuilder_presetsEverySettingAndListener_andLeavesTheMigratorAsItWas() {
        MigrationListener first = new MigrationListener() {
        };
        MigrationListener second = new MigrationListener() {
        };
        Migrator migrator = Migrator.configure(Mig.source(Mig.v("1", "One").up("SELECT 1").build()),
                        "jdbc:postgresql://db/app?user=app&password=secret")
                .historyTable("app_history").logTable("app_log").schema("ops").lockTimeout(Duration.ofSeconds(30))
                .statementLockTimeout(Duration.ofSeconds(3)).migrationTimeout(Duration.ofMinutes(5)).strictOrder(true)
                .validateChecksums(false).allowUnknownApplied(true).backupBeforeMigrate(dir).backupRetention(2)
                .pgDump("/usr/bin/pg_dump").installedBy("deployer").flywayTable("old_history").flywaySchema("legacy")
                .dataBatchSize(250).listener(first).load();

        Migrator same = migrator.toBuilder().load();
        Migrator variant = migrator.toBuilder().listener(second).dataBatchSize(10).load();

        assertEquals(migrator.configuration(), same.configuration());
        assertEquals(migrator.graph().migrations(), same.graph().migrations());
        assertEquals(List.of(first, second), variant.configuration().listeners());
        assertEquals(OptionalInt.of(10), variant.configuration().dataBatchSize());
        assertEquals("app_history", variant.configuration().historyTable());
        assertEquals(List.of(first), migrator.configuration().listeners());
        assertEquals(OptionalInt.of(250), migrator.configuration().dataBatchSize());
    }

    @Test
    void dataBatchSize_belowOneOrAboveAMillion_isRefusedAtLoad_beforeConnecting() {
        Path file = dir.resolve("never.db");
        for (int rows : new int[] {0, -5, 1_000_001}) {
            MigrationException e = assertThrows(MigrationException.class,
                    () -> Migrator.configure(Mig.source(), "jdbc:sqlite:" + file).dataBatchSize(rows).load());

            assertEquals(ErrorCode.INVALID_CONFIGURATION, e.code());
            assertEquals("Invalid Cairn configuration:\n  - dataBatchSize is " + rows + "; give between 1 and 1,000,000 rows"
                    + " per batch, such as 1000", e.getMessage());
        }
        assertFalse(Files.exists(file));
    }
}
