package dev.cairn.bench.child;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The data scenario's hand-written JDBC side: the same rows moved as the Cairn data migration
 * moves them, written as a careful engineer would without a framework: keyset pagination on the
 * primary key, 1,000 rows a batch, the inserts sent as JDBC batches (on PostgreSQL rewritten into
 * multi-row inserts by the driver's {@code reWriteBatchedInserts}), one commit per batch, and
 * with several workers the key space split into equal ranges by one key-only scan, one connection
 * and one thread per range. No checkpoint, no resume, no progress: the floor of the work.
 * Arguments: {@code <jdbcUrl> <workers> <rows>}.
 */
public final class JdbcDataChild {

    private static final int BATCH = 1_000;
    private static final String INSERT_ROBOT =
            "INSERT INTO robots (id, name, robot_type, joint_count, height, weight) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String INSERT_SKILL = "INSERT INTO robot_skills (robot_id, skill_type, mastery_level,"
            + " proficiency_score, confidence_score) VALUES (?, ?, ?, ?, ?)";

    private final ObjectMapper json = new ObjectMapper();
    private final String url;

    private JdbcDataChild(String url) {
        this.url = url;
    }

    public static void main(String[] args) throws Exception {
        // Set up before the clock starts: the JMX listeners are not the migration's work.
        HeapAfterCollections heap = HeapAfterCollections.watch();
        long start = System.nanoTime();
        String url = args[0];
        int workers = Integer.parseInt(args[1]);
        long rows = Long.parseLong(args[2]);
        String writeUrl = url.startsWith("jdbc:postgresql:") ? url + "&reWriteBatchedInserts=true" : url;
        long moved = new JdbcDataChild(writeUrl).run(workers);
        ChildOutput out = new ChildOutput().put("elapsedNs", System.nanoTime() - start).peakRss();
        heap.report(out);
        if (moved != rows) {
            throw new IllegalStateException(moved + " rows moved, expected " + rows);
        }
        out.put("digest", DataCheck.digest(url, rows)).print();
    }

    private long run(int workers) throws Exception {
        List<String> bounds = bounds(workers);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<Long>> ranges = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                String after = i == 0 ? null : bounds.get(i - 1);
                String upTo = i == workers - 1 ? null : bounds.get(i);
                ranges.add(pool.submit(() -> moveRange(after, upTo)));
            }
            long moved = 0;
            for (Future<Long> range : ranges) {
                moved += range.get();
            }
            return moved;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The keys that end each range but the last: every (rows / workers)-th key in key order,
     * numbered by the database in one key-only scan.
     */
    private List<String> bounds(int workers) throws SQLException {
        List<String> bounds = new ArrayList<>();
        if (workers == 1) {
            return bounds;
        }
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            long rows;
            try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM humanoid_robots")) {
                count.next();
                rows = count.getLong(1);
            }
            long step = (rows + workers - 1) / workers;
            try (ResultSet keys = statement.executeQuery("SELECT id FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS n"
                    + " FROM humanoid_robots) numbered WHERE n % " + step + " = 0 ORDER BY n LIMIT " + (workers - 1))) {
                while (keys.next()) {
                    bounds.add(keys.getString(1));
                }
            }
        }
        return bounds;
    }

    /** Moves the rows with keys after {@code after} (exclusive) up to {@code upTo} (inclusive); null: open. */
    private long moveRange(String after, String upTo) throws Exception {
        String select = "SELECT id, name, configuration, learned_skills FROM humanoid_robots WHERE id > ?"
                + (upTo == null ? "" : " AND id <= ?") + " ORDER BY id LIMIT " + BATCH;
        long moved = 0;
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.setAutoCommit(false);
            try (PreparedStatement read = connection.prepareStatement(select);
                    PreparedStatement robots = connection.prepareStatement(INSERT_ROBOT);
                    PreparedStatement skills = connection.prepareStatement(INSERT_SKILL)) {
                String last = after == null ? "" : after;
                while (true) {
                    read.setString(1, last);
                    if (upTo != null) {
                        read.setString(2, upTo);
                    }
                    int inBatch = 0;
                    try (ResultSet rows = read.executeQuery()) {
                        while (rows.next()) {
                            last = rows.getString(1);
                            addRow(rows, robots, skills);
                            inBatch++;
                        }
                    }
                    if (inBatch == 0) {
                        break;
                    }
                    robots.executeBatch();
                    skills.executeBatch();
                    connection.commit();
                    moved += inBatch;
                }
            }
        }
        return moved;
    }

    private void addRow(ResultSet row, PreparedStatement robots, PreparedStatement skills) throws Exception {
        String id = row.getString(1);
        JsonNode config = json.readTree(row.getString(3));
        robots.setString(1, id);
        robots.setString(2, row.getString(2));
        robots.setString(3, config.get("robot_type").asText());
        robots.setInt(4, config.get("joint_count").asInt());
        robots.setDouble(5, config.get("height").asDouble());
        robots.setDouble(6, config.get("weight").asDouble());
        robots.addBatch();
        for (Iterator<Map.Entry<String, JsonNode>> learned = json.readTree(row.getString(4)).fields(); learned.hasNext(); ) {
            Map.Entry<String, JsonNode> skill = learned.next();
            skills.setString(1, id);
            skills.setString(2, skill.getKey());
            skills.setString(3, skill.getValue().get("mastery_level").asText());
            skills.setDouble(4, skill.getValue().get("proficiency_score").asDouble());
            skills.setDouble(5, skill.getValue().get("confidence_score").asDouble());
            skills.addBatch();
        }
    }
}
