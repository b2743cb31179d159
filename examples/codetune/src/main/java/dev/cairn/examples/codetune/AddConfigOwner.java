package dev.cairn.examples.codetune;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

/** One branch: written on one developer's branch on top of 3, while {@link IndexMetricsByConfig} was written on another. */
@Migration(version = "4", dependsOn = "3", description = "Add owner to training_config")
final class AddConfigOwner implements JavaMigration {
    @Override
    public void up(MigrationContext db) throws Exception {
        db.execute("ALTER TABLE training_config ADD COLUMN owner VARCHAR(100)");
    }

    @Override
    public void down(MigrationContext db) throws Exception {
        db.execute("ALTER TABLE training_config DROP COLUMN owner");
    }
}
