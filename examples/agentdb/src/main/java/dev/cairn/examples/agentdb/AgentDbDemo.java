package dev.cairn.examples.agentdb;

import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.Migrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Seed 001 end to end on a SQLite file: agents with a malformed document, the four procedures
 * applied with their conditions, the conditions checked again without applying anything, a
 * precondition that stops a migration, and the procedures rolled back.
 *
 * <p>Argument: the database file (replaced).
 */
public final class AgentDbDemo {

    /** Held so the setting is not collected: the demo prints the reports itself. */
    private static final Logger CAIRN_LOG = Logger.getLogger("dev.cairn");

    private AgentDbDemo() {
    }

    public static void main(String[] args) throws Exception {
        CAIRN_LOG.setLevel(Level.WARNING);
        Path file = Path.of(args.length > 0 ? args[0] : "agentdb.db").toAbsolutePath();
        Files.deleteIfExists(file);
        String url = "jdbc:sqlite:" + file;
        Migrator migrator = Migrator.configure(new MigrationRegistry(), url).load();

        System.out.println("== The agent database, version 1: " + file);
        migrator.migrate("1");
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO routers (router_id, name, metadata) VALUES"
                    + " ('r1', 'search', '{\"timeout_seconds\": 120}'), ('r2', 'billing', '{\"model\": \"small\"}'),"
                    + " ('r3', 'support', '{\"model\": ')");
            statement.executeUpdate("INSERT INTO planners (planner_id, router_id, goal, metadata) VALUES ('p1', 'r1', 'answer', '{}')");
            statement.executeUpdate("INSERT INTO workers (worker_id, planner_id, task_status) VALUES ('w1', 'p1', 'done'),"
                    + " ('w2', 'p1', 'queued')");
        }
        System.out.println("  3 routers (r3's metadata is cut short), 1 planner, 2 workers");

        print("migrate", () -> migrator.migrate().summary());
        print("checkConditions (nothing applied, nothing written)", () -> migrator.checkConditions().summary());
        print("rollbackTo 2", () -> migrator.rollbackTo("2").summary());
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.executeUpdate("ALTER TABLE planners ADD COLUMN conversation_context TEXT");
        }
        print("migrate, after someone added planners.conversation_context by hand", () -> migrator.migrate().summary());
        print("status", () -> migrator.status().summary());
    }

    private interface Step {
        String run() throws Exception;
    }

    private static void print(String title, Step step) throws Exception {
        System.out.println();
        System.out.println("== " + title);
        String text;
        try {
            text = step.run();
        } catch (MigrationException e) {
            text = e.getMessage();
        }
        System.out.println("  " + text.replace("\n", "\n  "));
    }
}
