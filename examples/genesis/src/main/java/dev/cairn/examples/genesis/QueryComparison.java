package dev.cairn.examples.genesis;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Seed 000's performance claim, measured: the robots that walk forward well, found by extracting
 * JSON from every legacy row, and by an indexed join over the normalized tables. Both must find
 * the same robots, or the comparison means nothing.
 */
public final class QueryComparison {

    private static final int RUNS = 7;

    /**
     * What one comparison found.
     *
     * @param robots the robots each query found
     * @param jsonMillis the JSON query's median time
     * @param joinMillis the join's median time
     */
    public record Result(List<String> robots, double jsonMillis, double joinMillis) {

        /** How many times faster the join is. */
        public double speedup() {
            return jsonMillis / joinMillis;
        }

        @Override
        public String toString() {
            return String.format("%,d robots walk forward with a proficiency above 0.7:%n"
                    + "  JSON extraction over humanoid_robots  %8.2f ms%n"
                    + "  indexed join over robot_skills        %8.2f ms  (%.1fx faster, median of %d runs)",
                    robots.size(), jsonMillis, joinMillis, speedup(), RUNS);
        }
    }

    private QueryComparison() {
    }

    /** Runs both queries {@value #RUNS} times each, interleaved, after both schemas are filled. */
    public static Result compare(Connection connection) throws SQLException {
        String jsonQuery = "SELECT id FROM humanoid_robots WHERE " + proficiency(connection) + " > 0.7 ORDER BY id";
        String joinQuery = "SELECT r.id FROM robots r JOIN robot_skills rs ON r.id = rs.robot_id"
                + " WHERE rs.skill_type = 'FORWARD_WALKING' AND rs.proficiency_score > 0.7 ORDER BY r.id";
        double[] json = new double[RUNS];
        double[] join = new double[RUNS];
        List<String> viaJson = List.of();
        List<String> viaJoin = List.of();
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            viaJson = ids(connection, jsonQuery);
            json[run] = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            viaJoin = ids(connection, joinQuery);
            join[run] = (System.nanoTime() - start) / 1e6;
        }
        if (!viaJson.equals(viaJoin)) {
            throw new IllegalStateException("The JSON query found " + viaJson.size() + " robots and the join "
                    + viaJoin.size() + ": the migrated rows do not match the legacy documents");
        }
        return new Result(viaJson, median(json), median(join));
    }

    private static String proficiency(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")
                ? "CAST(CAST(learned_skills AS jsonb) -> 'FORWARD_WALKING' ->> 'proficiency_score' AS DOUBLE PRECISION)"
                : "json_extract(learned_skills, '$.FORWARD_WALKING.proficiency_score')";
    }

    private static List<String> ids(Connection connection, String sql) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static double median(double[] times) {
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
