package dev.cairn.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.runtime.Database;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationSource;
import dev.cairn.runtime.data.BatchStatement;
import dev.cairn.runtime.data.Batches;
import dev.cairn.runtime.data.DataMigration;
import dev.cairn.runtime.data.OnError;
import dev.cairn.runtime.data.Row;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The data migration the data tests run, in the tests and in the child processes they start:
 * {@code legacy_robots (id, name, skills)}, whose {@code skills} column holds JSON such as
 * {@code {"WALK": {"level": "BEGINNER", "score": 3}, "TURN": {...}}}, split into one
 * {@code robot_skills} row per skill. {@code robot_skills} has no key, so that a row written twice
 * shows as a duplicate instead of being refused.
 */
public final class DataFixtures {

    /** Version 1: both tables. */
    public static final MigrationDescriptor SCHEMA = Mig.v("1", "Legacy and normalized robots")
            .up("CREATE TABLE legacy_robots (id BIGINT PRIMARY KEY, name VARCHAR(40) NOT NULL, skills TEXT)",
                    "CREATE TABLE robot_skills (robot_id BIGINT NOT NULL, skill VARCHAR(40) NOT NULL, level VARCHAR(20) NOT NULL,"
                            + " score INTEGER NOT NULL CHECK (score >= 0), worker VARCHAR(40) NOT NULL)",
                    "CREATE INDEX robot_skills_robot ON robot_skills (robot_id)")
            .down("DROP TABLE robot_skills", "DROP TABLE legacy_robots").build();

    /** Which process wrote a row: the system property {@code cairn.test.worker} of the JVM, or "test". */
    private static final String WORKER = System.getProperty("cairn.test.worker", "test");

    private DataFixtures() {
    }

    /** Called for each row before it is split, in the worker that processes it. */
    @FunctionalInterface
    public interface RowHook {
        void before(Row row) throws Exception;
    }

    /** How the data migration runs. */
    public record Options(int size, OnError onError, int workers, Duration pause, Duration timeout, RowHook hook) {

        public static Options defaults() {
            return new Options(1_000, OnError.FAIL, 1, Duration.ZERO, null, row -> {
            });
        }

        public Options size(int rows) {
            return new Options(rows, onError, workers, pause, timeout, hook);
        }

        public Options onError(OnError policy) {
            return new Options(size, policy, workers, pause, timeout, hook);
        }

        public Options workers(int n) {
            return new Options(size, onError, n, pause, timeout, hook);
        }

        public Options pause(Duration between) {
            return new Options(size, onError, workers, between, timeout, hook);
        }

        public Options timeout(Duration limit) {
            return new Options(size, onError, workers, pause, limit, hook);
        }

        public Options hook(RowHook each) {
            return new Options(size, onError, workers, pause, timeout, each);
        }
    }

    /** Version 2, the data migration, reversible by deleting each robot's skills. */
    public static class SplitSkills extends DataMigration {

        private final Options options;

        public SplitSkills(Options options) {
            this.options = options;
        }

        @Override
        protected Batches forward(Database database) {
            Batches batches = Batches.from("legacy_robots").select("id", "skills").key("id").size(options.size())
                    .onError(options.onError()).workers(options.workers()).pause(options.pause())
                    .each((row, batch) -> {
                        options.hook().before(row);
                        BatchStatement insert = batch.insert(
                                "INSERT INTO robot_skills (robot_id, skill, level, score, worker) VALUES (?, ?, ?, ?, ?)");
                        for (Map.Entry<String, JsonNode> skill : row.json("skills").properties()) {
                            insert.add(row.longValue("id"), skill.getKey(), skill.getValue().path("level").asText(),
                                    skill.getValue().path("score").asInt(), WORKER);
                        }
                    });
            return options.timeout() == null ? batches : batches.timeout(options.timeout());
        }

        @Override
        protected Batches backward(Database database) {
            return Batches.from("legacy_robots").select("id").key("id").size(options.size())
                    .each((row, batch) -> batch.update("DELETE FROM robot_skills WHERE robot_id = ?").add(row.longValue("id")));
        }
    }

    /** The data migration as version 2. */
    public static MigrationDescriptor split(Options options) {
        return Mig.v("2", "Split robot skills").dependsOn("1").step(() -> new SplitSkills(options)).build();
    }

    /** Both migrations. */
    public static MigrationSource source(Options options) {
        return Mig.source(SCHEMA, split(options));
    }

    /** Fills {@code legacy_robots} with robots 1 to {@code n}, each with two skills, WALK scoring {@code id % 10}. */
    public static void fill(TestDb db, int n) {
        db.execute("INSERT INTO legacy_robots (id, name, skills) WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1"
                + " FROM seq WHERE i < " + n + ") SELECT i, 'robot-' || i, '{\"WALK\": {\"level\": \"BEGINNER\", \"score\": '"
                + " || (i % 10) || '}, \"TURN\": {\"level\": \"EXPERT\", \"score\": 9}}' FROM seq");
    }

    /**
     * What is wrong with {@code robot_skills} after splitting robots 1 to {@code n}, except those
     * in {@code skipped}: a missing, extra or duplicate row, or a wrong value. Empty when exact.
     */
    public static List<String> problems(TestDb db, int n, List<Long> skipped) {
        List<String> problems = new ArrayList<>();
        long robots = n - skipped.size();
        long expectedScore = 0;
        for (long i = 1; i <= n; i++) {
            if (!skipped.contains(i)) {
                expectedScore += i % 10 + 9;
            }
        }
        String counts = db.rows("SELECT COUNT(*), COUNT(DISTINCT robot_id), SUM(score) FROM robot_skills").get(0);
        if (!counts.equals(2 * robots + "|" + robots + "|" + expectedScore)) {
            problems.add("rows|robots|score sum are " + counts + ", expected " + 2 * robots + "|" + robots + "|" + expectedScore);
        }
        List<String> duplicates = db.rows("SELECT robot_id, skill, COUNT(*) FROM robot_skills GROUP BY robot_id, skill"
                + " HAVING COUNT(*) > 1");
        if (!duplicates.isEmpty()) {
            problems.add("duplicates: " + duplicates.subList(0, Math.min(5, duplicates.size())));
        }
        List<String> missing = db.rows("SELECT l.id FROM legacy_robots l WHERE NOT EXISTS (SELECT 1 FROM robot_skills s"
                + " WHERE s.robot_id = l.id) ORDER BY l.id");
        missing.removeIf(id -> skipped.contains(Long.valueOf(id)));
        if (!missing.isEmpty()) {
            problems.add("robots without skills: " + missing.subList(0, Math.min(5, missing.size())));
        }
        return problems;
    }
}
