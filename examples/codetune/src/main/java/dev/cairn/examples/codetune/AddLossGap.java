package dev.cairn.examples.codetune;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

@Migration(version = "6", dependsOn = "5", description = "Add loss_gap to training_metric")
final class AddLossGap implements JavaMigration {
    @Override
    public void up(MigrationContext db) throws Exception {
        db.execute("ALTER TABLE training_metric ADD COLUMN loss_gap DOUBLE PRECISION");
    }

    @Override
    public void down(MigrationContext db) throws Exception {
        db.execute("ALTER TABLE training_metric DROP COLUMN loss_gap");
    }
}
