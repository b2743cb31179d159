package dev.cairn.examples.codetune;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

/**
 * The merge of the two branches ({@code flask db merge} in the seed): it depends on both, and
 * uses what each added, the owner column and the index its query walks.
 */
@Migration(version = "5", dependsOn = {"4", "4.1"}, description = "Merge the branches: the latest metric of each config")
final class MergeBranches implements JavaMigration {
    @Override
    public void up(MigrationContext db) throws Exception {
        db.execute("CREATE VIEW latest_training_metric AS "
                + "SELECT c.id AS config_id, c.owner, m.epoch, m.step, m.train_loss, m.eval_loss "
                + "FROM training_config c JOIN training_metric m ON m.config_id = c.id "
                + "WHERE m.step = (SELECT MAX(step) FROM training_metric l WHERE l.config_id = c.id)");
    }

    @Override
    public void down(MigrationContext db) throws Exception {
        db.execute("DROP VIEW latest_training_metric");
    }
}
