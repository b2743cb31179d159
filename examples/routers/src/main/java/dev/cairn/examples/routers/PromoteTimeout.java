package dev.cairn.examples.routers;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

@Migration(version = "3", dependsOn = "2", description = "Promote timeout_seconds to a column")
final class PromoteTimeout implements JavaMigration {
    @Override
    public void up(MigrationContext db) throws Exception {
        db.execute("ALTER TABLE routers ADD COLUMN timeout_seconds INTEGER DEFAULT 300");
        db.execute("UPDATE routers SET timeout_seconds = COALESCE(" + timeoutFromMetadata(db) + ", 300)");
    }

    @Override
    public void down(MigrationContext db) throws Exception {
        db.execute("ALTER TABLE routers DROP COLUMN timeout_seconds");
    }

    /** Each database spells JSON access its own way. */
    private static String timeoutFromMetadata(MigrationContext db) {
        return switch (db.database().kind()) {
            case POSTGRESQL -> "CAST(CAST(metadata AS json) ->> 'timeout_seconds' AS INTEGER)";
            case SQLITE -> "CAST(json_extract(metadata, '$.timeout_seconds') AS INTEGER)";
            case OTHER -> throw new IllegalStateException("No JSON access written for " + db.database());
        };
    }
}
