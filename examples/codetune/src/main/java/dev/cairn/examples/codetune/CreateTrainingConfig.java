package dev.cairn.examples.codetune;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

@Migration(version = "1", description = "Create the training_config table")
final class CreateTrainingConfig implements JavaMigration {
    @Override
    public void up(MigrationContext db) throws Exception {
        db.execute("CREATE TABLE training_config ("
                + "id " + Columns.generatedKey(db) + ", "
                + "model_type VARCHAR(50) NOT NULL, "
                + "dataset_name VARCHAR(100) NOT NULL, "
                + "batch_size INTEGER NOT NULL, "
                + "learning_rate DOUBLE PRECISION NOT NULL, "
                + "epochs INTEGER NOT NULL, "
                + "max_seq_length INTEGER NOT NULL, "
                + "warmup_steps INTEGER NOT NULL, "
                + "created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)");
    }

    @Override
    public void down(MigrationContext db) throws Exception {
        db.execute("DROP TABLE training_config");
    }
}
