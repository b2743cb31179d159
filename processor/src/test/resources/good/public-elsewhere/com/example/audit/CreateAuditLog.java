package com.example.audit;

import dev.cairn.Migration;
import dev.cairn.runtime.JavaMigration;
import dev.cairn.runtime.MigrationContext;

/** Public, in a package of its own: the registry stays with the package-private migrations. */
@Migration(version = "4", dependsOn = "3")
public final class CreateAuditLog implements JavaMigration {
    @Override
    public void up(MigrationContext ctx) throws Exception {
        ctx.execute("CREATE TABLE audit_log (id INTEGER)");
    }

    @Override
    public void down(MigrationContext ctx) throws Exception {
        ctx.execute("DROP TABLE audit_log");
    }
}
