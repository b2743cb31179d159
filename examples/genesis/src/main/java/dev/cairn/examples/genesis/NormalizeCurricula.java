package dev.cairn.examples.genesis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.Migration;
import dev.cairn.runtime.Checks;
import dev.cairn.runtime.Database;
import dev.cairn.runtime.data.Batches;
import dev.cairn.runtime.data.DataMigration;

/**
 * Seed 000's curriculum transformation: each element of a plan's {@code stages} array becomes a
 * {@code curriculum_stages} row, numbered in array order. A plan whose stages cannot be read stops
 * the migration with an error naming it (the default policy): a curriculum with a stage missing
 * would train robots in the wrong order, so it must be fixed, and the next migrate resumes.
 */
@Migration(version = "4", dependsOn = "2", description = "Move curriculum stages into rows")
final class NormalizeCurricula extends DataMigration {

    @Override
    protected Batches forward(Database database) {
        return Batches.from("curriculum_plans").select("id", "stages").key("id").each((row, batch) -> {
            int order = 0;
            for (JsonNode stage : row.json("stages")) {
                batch.insert("INSERT INTO curriculum_stages (plan_id, stage_order, stage_id, name, stage_type, difficulty_level)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                        .add(row.string("id"), ++order, stage.path("id").asText(), stage.path("name").asText(),
                                stage.path("stage_type").asText("FOUNDATION"), stage.path("difficulty_level").asDouble(1.0));
            }
        });
    }

    @Override
    protected Batches backward(Database database) {
        return Batches.from("curriculum_plans").select("id").key("id").each((row, batch) ->
                batch.update("DELETE FROM curriculum_stages WHERE plan_id = ?").add(row.string("id")));
    }

    /** The seed's count validation: as many stage rows as the plans' documents hold stages. */
    @Override
    public void postconditions(Checks checks) throws Exception {
        checks.equal("every stage of every plan moved", "SELECT COALESCE(SUM(" + switch (checks.database().kind()) {
            case POSTGRESQL -> "jsonb_array_length(CAST(stages AS jsonb))";
            case SQLITE, OTHER -> "json_array_length(stages)";
        } + "), 0) FROM curriculum_plans", "SELECT COUNT(*) FROM curriculum_stages");
    }
}
