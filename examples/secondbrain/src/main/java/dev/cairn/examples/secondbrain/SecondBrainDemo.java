package dev.cairn.examples.secondbrain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.http.AccessTokens;
import dev.cairn.http.CairnHttpServer;
import dev.cairn.runtime.Migrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Seed 004 end to end on a PostgreSQL server of its own: Second Brain's memories as they were
 * before release 2.6.0, then the release's migrations executed and watched through the Cairn HTTP
 * API as the seed's CI does: pending, a dry run of everything pending, the real run with the
 * sentiment backfill's progress polled until it is done, and the history.
 *
 * <p>Argument: the number of memories (default 20,000).
 */
public final class SecondBrainDemo {

    /** Held so the setting is not collected: the demo prints what the API says, not the engine's log. */
    private static final Logger CAIRN_LOG = Logger.getLogger("dev.cairn");
    private static final String ENRICH = "4";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
    private static final long PROGRESS_POLL_MILLIS = 100;

    private SecondBrainDemo() {
    }

    public static void main(String[] args) throws Exception {
        CAIRN_LOG.setLevel(Level.WARNING);
        int memories = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            Migrator migrator = Migrator.configure(new MigrationRegistry(), dataSource).load();
            migrator.migrate("1");
            try (Connection connection = dataSource.getConnection()) {
                SampleMemories.insert(connection, memories);
                System.out.printf("== Second Brain before release 2.6.0: %,d memories on PostgreSQL %s (embedded)%n",
                        memories, value(connection, "SHOW server_version"));
            }
            String readToken = newToken();
            String writeToken = newToken();
            try (CairnHttpServer server = SecondBrainServer.start(migrator, new InetSocketAddress("127.0.0.1", 0),
                    AccessTokens.of(readToken, writeToken))) {
                System.out.println("== Cairn HTTP API on " + server.uri().resolve("/") + " (read and write tokens made for this run)");
                MigrationsApi ci = new MigrationsApi(server.uri(), writeToken);
                pending(ci);
                String dryRun = executeAll(ci, "{\"dry_run\": true}");
                printEnded(ci.awaitRun(dryRun, RUN_TIMEOUT));
                pending(ci);
                printEnded(watchEnrichment(ci, executeAll(ci, "{\"batch_size\": 500}")));
                history(ci);
            }
            try (Connection connection = dataSource.getConnection()) {
                memoriesNow(connection);
            }
        }
    }

    private static void pending(MigrationsApi ci) throws Exception {
        System.out.println();
        System.out.println("== GET /migrations/pending");
        for (JsonNode migration : MigrationsApi.expect(ci.get("/migrations/pending"), 200).path("pending")) {
            System.out.printf("  %-3s %-5s %s%n", migration.path("version").asText(), migration.path("kind").asText(),
                    migration.path("description").asText());
        }
    }

    /** Starts a run of everything pending and shows its plan; returns the run's id. */
    private static String executeAll(MigrationsApi ci, String body) throws Exception {
        System.out.println();
        System.out.println("== POST /migrations/execute-all " + body);
        MigrationsApi.Answer answer = ci.post("/migrations/execute-all", body);
        JsonNode run = MigrationsApi.expect(answer, 202);
        System.out.println("  202 Accepted, Location: " + answer.headers().firstValue("Location").orElse("(none)"));
        for (JsonNode step : run.path("plan")) {
            System.out.printf("  plan: %-3s %s (%s)%n", step.path("version").asText(), step.path("description").asText(),
                    step.path("reason").asText());
        }
        return run.path("id").asText();
    }

    private static void printEnded(JsonNode run) {
        System.out.println("  " + run.path("id").asText() + " " + run.path("status").asText() + ": "
                + run.path("summary").asText().replace("\n", "\n    "));
    }

    /** Polls the backfill's progress while the run lasts, one line each time more rows are done. */
    private static JsonNode watchEnrichment(MigrationsApi ci, String runId) throws Exception {
        long shown = -1;
        while (true) {
            JsonNode run = MigrationsApi.expect(ci.get("/migrations/runs/" + runId), 200);
            JsonNode progress = MigrationsApi.expect(ci.get("/migrations/progress/" + ENRICH), 200);
            long done = progress.path("done").asLong();
            if (progress.path("running").asBoolean() && done > 0 && done != shown) {
                shown = done;
                System.out.printf("  GET /migrations/progress/%s: %,d of %s rows%s, batch %d, %,.0f rows/s, ETA %s%n", ENRICH, done,
                        progress.path("total").isNumber() ? String.format("%,d", progress.path("total").asLong()) : "?",
                        progress.path("percent").isNumber() ? String.format(" (%.0f%%)", progress.path("percent").asDouble()) : "",
                        progress.path("batch").asLong(), progress.path("ratePerSecond").asDouble(),
                        progress.path("etaSeconds").isNumber() ? String.format("%.1f s", progress.path("etaSeconds").asDouble()) : "?");
            }
            if (MigrationsApi.ended(run)) {
                return run;
            }
            Thread.sleep(PROGRESS_POLL_MILLIS);
        }
    }

    private static void history(MigrationsApi ci) throws Exception {
        System.out.println();
        System.out.println("== GET /migrations/history");
        for (JsonNode entry : MigrationsApi.expect(ci.get("/migrations/history"), 200).path("entries")) {
            System.out.printf("  %-24s %-8s %-3s %-36s %6s ms  %s%n", entry.path("loggedOn").asText(), entry.path("action").asText(),
                    entry.path("version").asText(), entry.path("description").asText(), entry.path("executionMs").asText(),
                    entry.path("detail").asText());
        }
    }

    /** What classify and the sentiment backfill made of the memories. */
    private static void memoriesNow(Connection connection) throws SQLException {
        System.out.println();
        System.out.println("== The memories now");
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT memory_type, COUNT(*),"
                + " AVG(CAST(metadata -> 'sentiment' ->> 'score' AS numeric)) FROM memories GROUP BY memory_type ORDER BY memory_type")) {
            while (rows.next()) {
                System.out.printf("  %-10s %,6d memories, mean sentiment %5.2f%n", rows.getString(1), rows.getLong(2), rows.getDouble(3));
            }
        }
        System.out.println("  " + value(connection, "SELECT content || '  ' || memory_type || '  ' || metadata FROM memories"
                + " WHERE content LIKE '%(note 1)'"));
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String value(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
