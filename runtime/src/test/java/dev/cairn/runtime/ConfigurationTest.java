package dev.cairn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.runtime.testing.Mig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
    }

    @Test
    void everyOption_isReadBackAsGiven() {
        MigrationListener listener = new MigrationListener() {
        };
        Configuration config = Migrator.configure(Mig.source(), "jdbc:postgresql://db/app?user=app&password=secret")
                .historyTable("app_history").logTable("app_log").schema("ops").lockTimeout(Duration.ofSeconds(30))
                .strictOrder(true).validateChecksums(false).allowUnknownApplied(true).backupBeforeMigrate(dir)
                .backupRetention(2).pgDump("/usr/bin/pg_dump").installedBy("deployer").listener(listener)
                .load().configuration();

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
    }
}
