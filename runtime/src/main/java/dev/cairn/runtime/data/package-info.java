/**
 * Data migrations: work over many rows (JSON into tables, backfills, enrichment) that runs in
 * batches, each committed with its checkpoint, so that it shows progress, resumes after a crash
 * and can spread over several workers.
 *
 * <pre>{@code
 * @Migration(version = "7", dependsOn = "6", description = "Robot skills from JSON into rows")
 * public final class SplitSkills extends DataMigration {
 *     @Override
 *     protected Batches forward(Database database) {
 *         return Batches.from("humanoid_robots").select("id", "learned_skills").key("id").size(1_000)
 *                 .each((row, batch) -> {
 *                     BatchStatement insert = batch.insert(
 *                             "INSERT INTO robot_skills (robot_id, skill_type, mastery_level) VALUES (?, ?, ?)");
 *                     row.json("learned_skills").fields().forEachRemaining(skill -> insert.add(
 *                             row.string("id"), skill.getKey(), skill.getValue().path("mastery_level").asText()));
 *                 });
 *     }
 * }
 * }</pre>
 *
 * @see DataMigration
 */
package dev.cairn.runtime.data;
