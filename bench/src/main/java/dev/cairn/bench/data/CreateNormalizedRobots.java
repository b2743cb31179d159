package dev.cairn.bench.data;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

/** Seed 000's normalized robot tables and their indexes, which the data migration fills. */
@Migration(version = "2", dependsOn = "1", description = "Create the normalized robot tables")
final class CreateNormalizedRobots implements JavaMigration {

    @Override
    public void up(MigrationContext db) throws Exception {
        db.execute("CREATE TABLE robots (id TEXT PRIMARY KEY, name TEXT NOT NULL, robot_type TEXT NOT NULL,"
                + " joint_count INTEGER NOT NULL, height DOUBLE PRECISION NOT NULL, weight DOUBLE PRECISION NOT NULL)");
        db.execute("CREATE TABLE robot_skills (robot_id TEXT NOT NULL REFERENCES robots (id), skill_type TEXT NOT NULL,"
                + " mastery_level TEXT NOT NULL, proficiency_score DOUBLE PRECISION NOT NULL,"
                + " confidence_score DOUBLE PRECISION NOT NULL, PRIMARY KEY (robot_id, skill_type))");
        db.execute("CREATE INDEX idx_robots_type ON robots (robot_type)");
        db.execute("CREATE INDEX idx_robot_skills_skill ON robot_skills (skill_type)");
    }

    @Override
    public void down(MigrationContext db) throws Exception {
        db.execute("DROP TABLE robot_skills");
        db.execute("DROP TABLE robots");
    }
}
