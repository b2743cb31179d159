package dev.cairn.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walkthrough the README's demo command prints. */
class DemoTest {

    @TempDir
    Path dir;

    @Test
    void demo_tellsTheWholeStory_andCanRunAgainOnTheSameFile() throws Exception {
        Path file = dir.resolve("demo.db");
        for (int run = 1; run <= 2; run++) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            new Demo(new PrintStream(printed, true, StandardCharsets.UTF_8)).run(file);
            String output = printed.toString(StandardCharsets.UTF_8);

            assertContains(output, "2.1  Create router events");
            assertContains(output, "ALTER TABLE routers ADD COLUMN timeout_seconds INTEGER DEFAULT 300;");
            assertContains(output, "Applied 6 migrations to SQLite database");
            assertContains(output, "is up to date");
            assertContains(output, "Refused before touching the database: Rolling back 3 means undoing 5, 4, 3");
            assertContains(output, "Rolled back 2 migrations");
            assertContains(output, "Applied 2 migrations");
            assertContains(output, "ROLLBACK  2.1");
        }
    }

    private static void assertContains(String output, String expected) {
        assertTrue(output.contains(expected), () -> "expected \"" + expected + "\" in:\n" + output);
    }
}
