package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.examples.codetune.MigrationRegistry;
import dev.cairn.test.DatabaseKind;
import dev.cairn.test.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The command on a terminal, a pseudo-terminal made by util-linux's {@code script}: it asks before
 * changing anything, draws a live progress bar with the rows, rate and time left of long work, in
 * colour unless NO_COLOR says otherwise; without a terminal, plain lines.
 */
class TerminalIT {

    private static final String CODETUNE = CairnProcess.classpathOf(MigrationRegistry.class);
    private static final String GREEN = "\033[32m";

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void onATerminal_migrateAsks_thenDrawsAProgressBar_withRowsRateAndTimeLeft_inColour(DatabaseKind kind) {
        try (TestDatabase db = withLoggedMetrics(kind)) {
            CairnProcess cairn = new CairnProcess(directory).env("CAIRN_URL", db.jdbcUrl()).env("CAIRN_CLASSPATH", CODETUNE)
                    .env("COLUMNS", "120");

            CairnProcess.Run run = cairn.onTerminal("y\n", "migrate").exits(0);

            String screen = run.out();
            assertTrue(screen.contains("Will apply 1 migration to"), screen);
            assertTrue(screen.contains("Proceed? [y/N] "), screen);
            String bar = "\r" + GREEN + "[>" + " ".repeat(23) + "]\033[0m 0/1  7 Backfill loss_gap of logged metrics";
            assertTrue(screen.contains(bar + "\033[K"), screen);
            assertTrue(screen.contains(bar + "  500/3,000 rows  "), screen);
            assertTrue(screen.matches("(?s).*" + java.util.regex.Pattern.quote(bar) + "  3,000/3,000 rows  [0-9,]+ rows/s.*"), screen);
            assertTrue(screen.contains("  " + GREEN + "done" + "\033[0m 7 \"Backfill loss_gap of logged metrics\""), screen);
            assertEquals(List.of("3000"), db.rows("SELECT COUNT(*) FROM training_metric WHERE loss_gap IS NOT NULL"));

            String status = cairn.onTerminal("", "status").exits(0).out();
            assertTrue(status.contains("  7            " + GREEN + "APPLIED\033[0m           Backfill loss_gap of logged metrics"), status);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void onATerminal_answeringNo_refusesWithExitCode5_andNoColourWhenNoColorIsSet(DatabaseKind kind) {
        try (TestDatabase db = withLoggedMetrics(kind)) {
            CairnProcess cairn = new CairnProcess(directory).env("CAIRN_URL", db.jdbcUrl()).env("CAIRN_CLASSPATH", CODETUNE)
                    .env("NO_COLOR", "1");

            CairnProcess.Run run = cairn.onTerminal("n\n", "migrate").exits(ExitCode.REFUSED);

            assertTrue(run.out().contains("error: Not confirmed: nothing was changed."), run.out());
            assertFalse(run.out().contains("\033["), "no escape sequence: " + run.out());
            assertEquals(List.of(), db.rows("SELECT version FROM cairn_history WHERE version = '7'"));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void withoutATerminal_progressIsPlainLines(DatabaseKind kind) {
        try (TestDatabase db = withLoggedMetrics(kind)) {
            CairnProcess cairn = new CairnProcess(directory).env("CAIRN_URL", db.jdbcUrl()).env("CAIRN_CLASSPATH", CODETUNE);

            CairnProcess.Run run = cairn.run("migrate", "--yes").exits(0);

            assertEquals(List.of("Will apply 1 migration to " + db.jdbcUrl() + ":",
                    "  7 \"Backfill loss_gap of logged metrics\" (dev.cairn.examples.codetune.BackfillLossGap)",
                    "Applying 7 \"Backfill loss_gap of logged metrics\" (dev.cairn.examples.codetune.BackfillLossGap)"),
                    run.err().lines().limit(3).toList());
            assertTrue(run.err().contains("\n    500/3,000 rows  "), run.err());
            assertTrue(run.err().contains("\n    3,000/3,000 rows  "), run.err());
            assertFalse(run.err().contains("\r") || run.err().contains("\033["), run.err());
        }
    }

    /** A database migrated up to 6, with 3,000 metrics of one training run for 7 to backfill. */
    private TestDatabase withLoggedMetrics(DatabaseKind kind) {
        TestDatabase db = TestDatabase.create(kind);
        new CairnProcess(directory).env("CAIRN_URL", db.jdbcUrl()).env("CAIRN_CLASSPATH", CODETUNE)
                .run("migrate", "--target", "6", "--yes").exits(0);
        db.execute("INSERT INTO training_config (id, model_type, dataset_name, batch_size, learning_rate, epochs, max_seq_length,"
                + " warmup_steps) VALUES (1, 'gpt2', 'code-search-net', 8, 0.0001, 3, 512, 100)");
        db.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)"
                + " INSERT INTO training_metric (config_id, epoch, step, train_loss, eval_loss) SELECT 1, 1, i, 0.5, 0.75 FROM n");
        return db;
    }
}
