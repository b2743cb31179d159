package com.example.app;

import com.example.bad.MigrationRegistry;
import dev.cairn.runtime.MigrationReport;
import dev.cairn.runtime.Migrator;
import javax.sql.DataSource;

/** Application code in another package that uses every entry point of the registry. */
public final class Startup {
    private Startup() {
    }

    public static MigrationReport migrate(DataSource dataSource, String jdbcUrl) {
        Migrator migrator = MigrationRegistry.migrator(dataSource);
        Migrator configured = MigrationRegistry.configure(dataSource).load();
        MigrationReport byUrl = MigrationRegistry.runAll(jdbcUrl);
        return migrator == configured ? byUrl : MigrationRegistry.runAll(dataSource);
    }

    public static Object source() {
        return new MigrationRegistry();
    }
}
