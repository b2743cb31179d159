package dev.cairn.runtime.testing;

import dev.cairn.runtime.MigrationReport;
import dev.cairn.runtime.Migrator;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The main class of the separate JVMs that tests start: {@code concurrent <url> <dir> <id>} waits
 * for {@code dir/go} then migrates {@link Fixtures#concurrent()}; {@code block-tx <url> <dir>} and
 * {@code block-nontx <url> <dir>} migrate {@link Fixtures#blocking} and hang inside migration 2;
 * {@code statement-loop <url> <dir> <count>} migrates {@link Fixtures#statementLoop}.
 */
public final class ChildMigrator {

    private ChildMigrator() {
    }

    public static void main(String[] args) throws Exception {
        String scenario = args[0];
        String url = args[1];
        Path dir = Path.of(args[2]);
        MigrationReport report;
        if (scenario.equals("concurrent")) {
            Fixtures.touch(dir.resolve("ready-" + args[3]));
            Waits.awaitFile(dir.resolve("go"));
            report = Migrator.configure(Fixtures.concurrent(), url).lockTimeout(Duration.ofSeconds(90)).load().migrate();
        } else if (scenario.equals("statement-loop")) {
            report = Migrator.configure(Fixtures.statementLoop(Integer.parseInt(args[3])), url).load().migrate();
        } else {
            report = Migrator.configure(Fixtures.blocking(dir, scenario.equals("block-tx")), url).load().migrate();
        }
        System.out.println("applied " + report.applied().size());
    }
}
