package com.example.main;

import com.example.app.MigrationRegistry;
import dev.cairn.runtime.MigrationReport;
import javax.sql.DataSource;

/** Application code: it uses the registry the migrations in com.example.app have always had. */
public final class Startup {
    static final String FIRST = MigrationRegistry.V1;

    private Startup() {
    }

    public static MigrationReport migrate(DataSource dataSource) {
        return MigrationRegistry.runAll(dataSource);
    }
}
