package dev.cairn.bench.data;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

/** Seed 000's legacy tables, which the genesis example's {@code LegacyFleet} fills. */
@Migration(version = "1", description = "Create the legacy JSON tables")
final class CreateLegacyRobots implements JavaMigration {

    @Override
    public void up(MigrationContext db) throws Exception {
        db.execute("CREATE TABLE humanoid_robots (id TEXT PRIMARY KEY, name TEXT NOT NULL, configuration TEXT NOT NULL,"
                + " learned_skills TEXT NOT NULL, skill_history TEXT NOT NULL, performance_history TEXT NOT NULL)");
        db.execute("CREATE TABLE curriculum_plans (id TEXT PRIMARY KEY, name TEXT NOT NULL, stages TEXT NOT NULL,"
                + " difficulty_params TEXT NOT NULL)");
    }

    @Override
    public void down(MigrationContext db) throws Exception {
        db.execute("DROP TABLE curriculum_plans");
        db.execute("DROP TABLE humanoid_robots");
    }
}
