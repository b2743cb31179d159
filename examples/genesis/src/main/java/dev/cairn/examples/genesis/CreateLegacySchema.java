package dev.cairn.examples.genesis;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

/** The legacy (v1.x) schema of seed 000: each robot and each plan one row, everything else JSON text. */
@Migration(version = "1", description = "Create the legacy JSON tables")
final class CreateLegacySchema implements JavaMigration {

    @Override
    public void up(MigrationContext db) throws Exception {
        db.execute("CREATE TABLE humanoid_robots ("
                + "id TEXT PRIMARY KEY, "
                + "name TEXT NOT NULL, "
                + "configuration TEXT NOT NULL, "
                + "learned_skills TEXT NOT NULL, "
                + "skill_history TEXT NOT NULL, "
                + "performance_history TEXT NOT NULL)");
        db.execute("CREATE TABLE curriculum_plans ("
                + "id TEXT PRIMARY KEY, "
                + "name TEXT NOT NULL, "
                + "stages TEXT NOT NULL, "
                + "difficulty_params TEXT NOT NULL)");
    }

    @Override
    public void down(MigrationContext db) throws Exception {
        db.execute("DROP TABLE curriculum_plans");
        db.execute("DROP TABLE humanoid_robots");
    }
}
