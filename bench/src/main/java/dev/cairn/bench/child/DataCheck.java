package dev.cairn.bench.child;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What a data child checks after its run: every legacy robot became a row, and a digest of the
 * normalized rows' content (counts and exact integer sums of every column), which the harness
 * compares across tools and worker counts: Cairn and the hand-written JDBC must write the same rows.
 */
final class DataCheck {

    private static final String ROBOTS = "SELECT COUNT(*), SUM(joint_count), SUM(CAST(ROUND(height * 100) AS INTEGER)),"
            + " SUM(CAST(ROUND(weight * 100) AS INTEGER)), SUM(LENGTH(id)), SUM(LENGTH(name)), SUM(LENGTH(robot_type))"
            + " FROM robots";
    private static final String SKILLS = "SELECT COUNT(*), SUM(CAST(ROUND(proficiency_score * 100) AS INTEGER)),"
            + " SUM(CAST(ROUND(confidence_score * 100) AS INTEGER)), SUM(LENGTH(robot_id)), SUM(LENGTH(skill_type)),"
            + " SUM(LENGTH(mastery_level)) FROM robot_skills";

    private DataCheck() {
    }

    /** Fails unless there are {@code rows} robots; returns the digest of robots and skills. */
    static String digest(String url, long rows) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            String robots = aggregate(statement, ROBOTS);
            if (!robots.startsWith(rows + ",")) {
                throw new IllegalStateException("robots: " + robots + ", expected " + rows + " rows");
            }
            return "robots " + robots + "; skills " + aggregate(statement, SKILLS);
        }
    }

    private static String aggregate(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            StringBuilder values = new StringBuilder();
            for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                values.append(i > 1 ? "," : "").append(result.getLong(i));
            }
            return values.toString();
        }
    }
}
