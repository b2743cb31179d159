package dev.cairn.examples.codetune;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

@Migration(version = "2", dependsOn = "1", description = "Create the training_metric table")
final class CreateTrainingMetric implements JavaMigration {
    @Override
    public void up(MigrationContext db) throws Exception {
        db.execute("CREATE TABLE training_metric ("
                + "id " + Columns.generatedKey(db) + ", "
                + "config_id INTEGER NOT NULL REFERENCES training_config (id), "
                + "epoch INTEGER NOT NULL, "
                + "step INTEGER NOT NULL, "
                + "train_loss DOUBLE PRECISION NOT NULL, "
                + "eval_loss DOUBLE PRECISION NOT NULL, "
                + "timestamp TIMESTAMP DEFAULT CURRENT_TIMESTAMP)");
    }

    @Override
    public void down(MigrationContext db) throws Exception {
        db.execute("DROP TABLE training_metric");
    }
}
