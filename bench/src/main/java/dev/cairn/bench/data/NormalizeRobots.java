package dev.cairn.bench.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.Migration;
import dev.cairn.runtime.Database;
import dev.cairn.runtime.data.Batches;
import dev.cairn.runtime.data.DataMigration;
import java.util.Iterator;
import java.util.Map;

/**
 * Seed 000's transformation, as the genesis example writes it: each legacy robot's
 * {@code configuration} document becomes a {@code robots} row and each entry of its
 * {@code learned_skills} document a {@code robot_skills} row, in batches of 1,000 on the primary
 * key. The number of workers is the system property {@code bench.workers} (default 1), which the
 * bench varies; the hand-written twin is {@link dev.cairn.bench.child.JdbcDataChild}.
 */
@Migration(version = "3", dependsOn = "2", description = "Move legacy robots and their skills into rows")
final class NormalizeRobots extends DataMigration {

    static final String INSERT_ROBOT =
            "INSERT INTO robots (id, name, robot_type, joint_count, height, weight) VALUES (?, ?, ?, ?, ?, ?)";
    static final String INSERT_SKILL = "INSERT INTO robot_skills (robot_id, skill_type, mastery_level,"
            + " proficiency_score, confidence_score) VALUES (?, ?, ?, ?, ?)";

    @Override
    protected Batches forward(Database database) {
        return Batches.from("humanoid_robots")
                .select("id", "name", "configuration", "learned_skills")
                .key("id")
                .size(1_000)
                .workers(Integer.getInteger("bench.workers", 1))
                .each((row, batch) -> {
                    String id = row.string("id");
                    JsonNode config = row.json("configuration");
                    batch.insert(INSERT_ROBOT).add(id, row.string("name"), config.get("robot_type").asText(),
                            config.get("joint_count").asInt(), config.get("height").asDouble(),
                            config.get("weight").asDouble());
                    for (Iterator<Map.Entry<String, JsonNode>> skills = row.json("learned_skills").fields(); skills.hasNext(); ) {
                        Map.Entry<String, JsonNode> skill = skills.next();
                        batch.insert(INSERT_SKILL).add(id, skill.getKey(), skill.getValue().get("mastery_level").asText(),
                                skill.getValue().get("proficiency_score").asDouble(),
                                skill.getValue().get("confidence_score").asDouble());
                    }
                });
    }

    @Override
    protected Batches backward(Database database) {
        return Batches.from("robots").select("id").key("id").each((row, batch) -> {
            batch.update("DELETE FROM robot_skills WHERE robot_id = ?").add(row.string("id"));
            batch.update("DELETE FROM robots WHERE id = ?").add(row.string("id"));
        });
    }
}
