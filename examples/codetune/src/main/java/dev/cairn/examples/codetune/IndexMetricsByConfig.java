package dev.cairn.examples.codetune;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

/** The other branch on 3: in Alembic, two heads until a merge revision joins them. */
@Migration(version = "4.1", dependsOn = "3", description = "Index training_metric by config and step")
final class IndexMetricsByConfig implements JavaMigration {
    @Override
    public void up(MigrationContext db) throws Exception {
        db.execute("CREATE INDEX training_metric_config_step ON training_metric (config_id, step)");
    }

    @Override
    public void down(MigrationContext db) throws Exception {
        db.execute("DROP INDEX training_metric_config_step");
    }
}
