package dev.cairn.examples.genesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's genesis command: what it prints, and the backup it takes first. */
class GenesisDemoTest {

    @TempDir
    Path dir;

    @Test
    void demo_migratesTheFleet_setsTheBrokenRobotAside_andComparesTheQueries() throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            GenesisDemo.main(new String[] {dir.resolve("genesis.db").toString(), "2000"});
        } finally {
            System.setOut(out);
        }
        String text = printed.toString(StandardCharsets.UTF_8);

        assertTrue(text.contains("2,000 robots and 200 curriculum plans"), text);
        assertTrue(text.contains("3 \"Move legacy robots and their skills into rows\"") && text.contains("2000 rows in 2 batches, 1 quarantined"), text);
        assertTrue(text.contains("3: 2,000 of 2,000 rows, batch 2"), text);
        assertTrue(text.contains("robot-000007") && text.contains("is not valid JSON"), text);
        assertTrue(text.contains("4 applied, 0 pending"), text);
        assertTrue(text.contains("indexed join over robot_skills"), text);
        try (Stream<Path> backups = Files.list(dir.resolve("genesis-backups"))) {
            assertEquals(1, backups.count());
        }
    }
}
