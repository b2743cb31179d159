package dev.cairn.examples.routers;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

/** Removes the JSON copy of the timeouts now that they live in a column: data is dropped, so no way back. */
@Migration(version = "5", dependsOn = "3", reversible = false,
        description = "Remove timeout_seconds from the JSON metadata")
final class ForgetMetadataTimeouts implements JavaMigration {
    @Override
    public void up(MigrationContext db) throws Exception {
        db.execute(switch (db.database().kind()) {
            case POSTGRESQL -> "UPDATE routers SET metadata = CAST(CAST(metadata AS jsonb) - 'timeout_seconds' AS TEXT)";
            case SQLITE -> "UPDATE routers SET metadata = json_remove(metadata, '$.timeout_seconds')";
            case OTHER -> throw new IllegalStateException("No JSON access written for " + db.database());
        });
    }
}
