package dev.cairn.examples.codetune;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

/** The seed's revision abc123def456: the rank of the process that logged a metric in distributed training. */
@Migration(version = "3", dependsOn = "2", description = "Add process_rank to training_metric")
final class AddProcessRank implements JavaMigration {
    @Override
    public void up(MigrationContext db) throws Exception {
        db.execute("ALTER TABLE training_metric ADD COLUMN process_rank INTEGER");
    }

    @Override
    public void down(MigrationContext db) throws Exception {
        db.execute("ALTER TABLE training_metric DROP COLUMN process_rank");
    }
}
