package dev.cairn.examples.genesis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Random;

/**
 * Fills the legacy tables with a fleet of robots and their curriculum plans, in the JSON shapes
 * seed 000 shows: the same fleet for the same size, so that runs compare.
 */
public final class LegacyFleet {

    /** The skills a robot may have learned, as the legacy documents name them. */
    static final List<String> SKILLS = List.of(
            "FORWARD_WALKING", "TURNING", "BALANCE", "STAIR_CLIMBING", "RUNNING", "JUMPING", "OBJECT_GRASPING");
    private static final List<String> TYPES = List.of("UNITREE_G1", "UNITREE_H1", "BOSTON_ATLAS", "AGILITY_DIGIT");
    private static final List<String> LEVELS = List.of("NOVICE", "BEGINNER", "INTERMEDIATE", "ADVANCED", "EXPERT");
    private static final List<String> STAGES = List.of("balance", "walking", "turning", "stairs", "running", "agility");
    private static final int ROBOTS_PER_PLAN = 10;
    private static final int BATCH = 500;

    private final ObjectMapper json = new ObjectMapper();
    private final Random random;

    private LegacyFleet(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Inserts {@code robots} legacy robots and one curriculum plan for every ten of them, and
     * commits.
     */
    public static void insert(Connection connection, int robots) throws SQLException {
        new LegacyFleet(robots).insertAll(connection, robots);
    }

    /** The id of the legacy robot number {@code n}, from 1. */
    public static String robotId(int n) {
        return String.format("robot-%06d", n);
    }

    private void insertAll(Connection connection, int robots) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement robot = connection.prepareStatement("INSERT INTO humanoid_robots"
                + " (id, name, configuration, learned_skills, skill_history, performance_history) VALUES (?, ?, ?, ?, ?, ?)");
                PreparedStatement plan = connection.prepareStatement(
                        "INSERT INTO curriculum_plans (id, name, stages, difficulty_params) VALUES (?, ?, ?, ?)")) {
            for (int n = 1; n <= robots; n++) {
                robot.setString(1, robotId(n));
                robot.setString(2, "Robot " + n);
                robot.setString(3, configuration());
                robot.setString(4, learnedSkills());
                robot.setString(5, "[]");
                robot.setString(6, "[]");
                robot.addBatch();
                if (n % ROBOTS_PER_PLAN == 0) {
                    plan.setString(1, String.format("plan-%05d", n / ROBOTS_PER_PLAN));
                    plan.setString(2, "Curriculum " + n / ROBOTS_PER_PLAN);
                    plan.setString(3, stages());
                    plan.setString(4, "{\"progression_rate\": 1.0}");
                    plan.addBatch();
                }
                if (n % BATCH == 0 || n == robots) {
                    robot.executeBatch();
                    plan.executeBatch();
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private String configuration() {
        ObjectNode config = json.createObjectNode();
        config.put("robot_type", pick(TYPES));
        config.put("joint_count", 23 + random.nextInt(21));
        config.put("height", round(1.0 + random.nextDouble()));
        config.put("weight", round(30 + random.nextDouble() * 50));
        return config.toString();
    }

    private String learnedSkills() {
        ObjectNode skills = json.createObjectNode();
        int count = 2 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            ObjectNode skill = skills.putObject(pick(SKILLS));
            skill.put("mastery_level", pick(LEVELS));
            skill.put("proficiency_score", round(random.nextDouble()));
            skill.put("confidence_score", round(random.nextDouble()));
        }
        return skills.toString();
    }

    private String stages() {
        ArrayNode stages = json.createArrayNode();
        int count = 3 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String id = STAGES.get(i);
            ObjectNode stage = stages.addObject();
            stage.put("id", id);
            stage.put("name", Character.toUpperCase(id.charAt(0)) + id.substring(1) + " Stage");
            stage.put("stage_type", i < 2 ? "FOUNDATION" : "SKILL_BUILDING");
            stage.put("difficulty_level", i + 1.0);
        }
        return stages.toString();
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
