package com.example.app;

import com.example.bad.MigrationRegistry;
import dev.cairn.runtime.MigrationReport;
import dev.cairn.runtime.MigrationSource;
import dev.cairn.runtime.Migrator;
import javax.sql.DataSource;

/**
 * Application code in another package that uses every entry point of the registry, its version
 * constants, and the registry as the {@code MigrationSource} it is.
 */
public final class Startup {
    private Startup() {
    }

    public static MigrationReport migrate(DataSource dataSource, String jdbcUrl) {
        Migrator migrator = MigrationRegistry.migrator(dataSource);
        Migrator configured = MigrationRegistry.configure(dataSource).load();
        Migrator byUrl = Migrator.configure(new MigrationRegistry(), "jdbc:sqlite:x.db").load();
        MigrationReport report = MigrationRegistry.runAll(jdbcUrl);
        return migrator == configured || byUrl == null ? report : MigrationRegistry.runAll(dataSource);
    }

    public static MigrationReport migrateTo(DataSource dataSource) {
        return Migrator.configure(new MigrationRegistry(), dataSource).load().migrate(MigrationRegistry.V1);
    }

    public static MigrationSource source() {
        MigrationSource source = new MigrationRegistry();
        return source;
    }
}
