package dev.cairn.examples.genesis;

import dev.cairn.runtime.MigrationEvent;
import dev.cairn.runtime.MigrationListener;
import dev.cairn.runtime.MigrationReport;
import dev.cairn.runtime.Migrator;
import dev.cairn.runtime.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Seed 000 end to end on a SQLite file: a legacy database of robots and plans, one robot's
 * document broken, migrated to the normalized schema with a backup first and the data migrations'
 * progress shown, then the seed's JSON-versus-join comparison measured.
 *
 * <p>Arguments: the database file (replaced), and the number of legacy robots (default 1,000).
 */
public final class GenesisDemo {

    /** Held so the setting is not collected: the demo prints progress through its own listener. */
    private static final Logger CAIRN_LOG = Logger.getLogger("dev.cairn");

    private GenesisDemo() {
    }

    public static void main(String[] args) throws Exception {
        CAIRN_LOG.setLevel(Level.WARNING);
        Path file = Path.of(args.length > 0 ? args[0] : "genesis.db").toAbsolutePath();
        int robots = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Files.deleteIfExists(file);
        String url = "jdbc:sqlite:" + file;
        System.out.println("== The legacy database: " + file);
        Migrator.configure(new MigrationRegistry(), url).load().migrate("1");
        try (Connection connection = DriverManager.getConnection(url)) {
            LegacyFleet.insert(connection, robots);
            try (Statement statement = connection.createStatement()) {
                // The seed's JSON parsing error: a document cut short.
                statement.executeUpdate("UPDATE humanoid_robots SET configuration = '{\"robot_type\": \"UNITREE_G1\", \"joint_'"
                        + " WHERE id = '" + LegacyFleet.robotId(7) + "'");
            }
            System.out.printf("  %,d robots and %,d curriculum plans in JSON documents; robot %s's configuration is cut short%n",
                    count(connection, "humanoid_robots"), count(connection, "curriculum_plans"), LegacyFleet.robotId(7));
        }

        System.out.println();
        System.out.println("== migrate");
        Migrator migrator = Migrator.configure(new MigrationRegistry(), url)
                .backupBeforeMigrate(file.resolveSibling("genesis-backups"))
                .listener(new ProgressPrinter())
                .load();
        MigrationReport report = migrator.migrate();
        System.out.println("  " + report.summary().replace("\n", "\n  "));

        System.out.println();
        System.out.println("== Set aside (cairn_history_quarantine)");
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version, row_key, error FROM cairn_history_quarantine")) {
            while (rows.next()) {
                System.out.println("  " + rows.getString(1) + "  " + rows.getString(2) + "  " + rows.getString(3));
            }
        }

        System.out.println();
        System.out.println("== status");
        System.out.println("  " + migrator.status().summary().replace("\n", "\n  "));

        System.out.println();
        System.out.println("== JSON extraction against the indexed join (seed 000's comparison)");
        try (Connection connection = DriverManager.getConnection(url)) {
            System.out.println("  " + QueryComparison.compare(connection).toString().replace("\n", "\n  "));
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Shows the data migrations' progress as the engine reports it, a few times a second at most. */
    private static final class ProgressPrinter implements MigrationListener {
        @Override
        public void onProgress(MigrationEvent event, Progress progress) {
            System.out.printf("  %s: %,d%s rows, batch %d, %,.0f rows/s%s%n", event.migration().version(), progress.done(),
                    progress.total().isPresent() ? String.format(" of %,d", progress.total().getAsLong()) : "",
                    progress.batch(), progress.rate(),
                    progress.remaining().map(left -> String.format(", %.1f s left", left.toMillis() / 1000.0)).orElse(""));
        }
    }
}
