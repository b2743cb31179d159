package dev.cairn.examples.genesis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.Migration;
import dev.cairn.runtime.Checks;
import dev.cairn.runtime.Database;
import dev.cairn.runtime.data.Batches;
import dev.cairn.runtime.data.DataMigration;
import dev.cairn.runtime.data.OnError;
import java.util.Iterator;
import java.util.Map;

/**
 * Seed 000's robot transformation: each legacy robot's {@code configuration} document becomes a
 * {@code robots} row, and each entry of its {@code learned_skills} document a {@code robot_skills}
 * row. A robot whose documents cannot be read is set aside in Cairn's quarantine table with its
 * raw values, and the others go on; the postcondition counts both.
 */
@Migration(version = "3", dependsOn = "2", description = "Move legacy robots and their skills into rows")
final class NormalizeRobots extends DataMigration {

    @Override
    protected Batches forward(Database database) {
        return Batches.from("humanoid_robots")
                .select("id", "name", "configuration", "learned_skills")
                .key("id")
                .onError(OnError.QUARANTINE)
                .each((row, batch) -> {
                    JsonNode config = row.json("configuration");
                    batch.insert("INSERT INTO robots (id, name, robot_type, joint_count, height, weight) VALUES (?, ?, ?, ?, ?, ?)")
                            .add(row.string("id"), row.string("name"), required(config, "robot_type").asText(),
                                    required(config, "joint_count").asInt(), required(config, "height").asDouble(),
                                    required(config, "weight").asDouble());
                    for (Iterator<Map.Entry<String, JsonNode>> skills = row.json("learned_skills").fields(); skills.hasNext(); ) {
                        Map.Entry<String, JsonNode> skill = skills.next();
                        batch.insert("INSERT INTO robot_skills (robot_id, skill_type, mastery_level, proficiency_score,"
                                + " confidence_score) VALUES (?, ?, ?, ?, ?)")
                                .add(row.string("id"), skill.getKey(), skill.getValue().path("mastery_level").asText("NOVICE"),
                                        skill.getValue().path("proficiency_score").asDouble(0.0),
                                        skill.getValue().path("confidence_score").asDouble(0.0));
                    }
                });
    }

    /** A field every robot's configuration has; a document without it is a bad row, set aside. */
    private static JsonNode required(JsonNode config, String field) {
        JsonNode value = config.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("configuration has no " + field);
        }
        return value;
    }

    @Override
    protected Batches backward(Database database) {
        return Batches.from("robots").select("id").key("id").each((row, batch) -> {
            batch.update("DELETE FROM robot_skills WHERE robot_id = ?").add(row.string("id"));
            batch.update("DELETE FROM robots WHERE id = ?").add(row.string("id"));
        });
    }

    /** The seed's count validation: every legacy robot is now a row, or was set aside (Cairn's default history table). */
    @Override
    public void postconditions(Checks checks) throws Exception {
        checks.equal("every legacy robot moved or set aside", "SELECT COUNT(*) FROM humanoid_robots",
                "SELECT (SELECT COUNT(*) FROM robots) + (SELECT COUNT(*) FROM cairn_history_quarantine"
                        + " WHERE version = '3' AND direction = 'up')");
    }
}
