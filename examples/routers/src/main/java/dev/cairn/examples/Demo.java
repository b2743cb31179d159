package dev.cairn.examples;

import dev.cairn.examples.routers.MigrationRegistry;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.Migrator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Walks through Cairn on a fresh SQLite file: the compile-time plan, a dry run, the first
 * start, an application restart, a refused and an accepted rollback, status and history.
 *
 * <p>Run with {@code ./mvnw -B -q -Pdemo -pl examples -am verify -DskipTests}, or with the
 * database file as the only argument.
 */
public final class Demo {

    /** Held so the setting is not collected: the walkthrough prints what happened itself. */
    private static final Logger CAIRN_LOG = Logger.getLogger("dev.cairn");

    private final PrintStream out;

    Demo(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        CAIRN_LOG.setLevel(Level.WARNING);
        Path file = Path.of(args.length > 0 ? args[0] : "cairn-demo.db").toAbsolutePath();
        new Demo(System.out).run(file);
    }

    /** Runs the walkthrough against a new database at {@code file}, replacing any old one. */
    void run(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        String url = "jdbc:sqlite:" + file;
        out.println("Cairn demo: a fresh SQLite database at " + file);

        section("The plan, checked and ordered at compile time");
        for (MigrationDescriptor migration : new MigrationRegistry().migrations()) {
            out.printf("  %-4s %-46s %s%n", migration.version(), migration.description(), after(migration));
        }

        Migrator migrator = Migrator.configure(new MigrationRegistry(), url).load();
        section("Dry run: what would run, inside a transaction that is rolled back");
        out.println(indent(migrator.dryRun().toString()));

        section("First start: MigrationRegistry.runAll(url)");
        out.println(indent(MigrationRegistry.runAll(url).summary()));

        section("Second start: the common case at every application start");
        out.println(indent(MigrationRegistry.runAll(url).summary()));

        section("Roll back 3: 4 and 5 depend on it, and 5 is irreversible");
        try {
            migrator.rollback("3");
        } catch (MigrationException refused) {
            out.println(indent("Refused before touching the database: " + refused.getMessage()));
        }

        section("Roll back 2.1: its dependent 4 goes first");
        out.println(indent(migrator.rollback("2.1").summary()));

        section("Status: 2.1 and 4 are pending again, older than 5, so they will run out of order");
        out.println(indent(migrator.status().summary()));

        section("Next start applies them again");
        out.println(indent(MigrationRegistry.runAll(url).summary()));

        section("History (cairn_log)");
        out.println(indent(migrator.history().summary()));
    }

    private static String after(MigrationDescriptor migration) {
        return migration.dependsOn().isEmpty() ? "" : "after " + migration.dependsOn().stream()
                .map(Object::toString).collect(Collectors.joining(", "));
    }

    private void section(String title) {
        out.println();
        out.println("== " + title);
    }

    private static String indent(String text) {
        return text.lines().map(line -> "  " + line).collect(Collectors.joining(System.lineSeparator()));
    }
}
