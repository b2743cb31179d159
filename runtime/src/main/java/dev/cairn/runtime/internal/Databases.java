package dev.cairn.runtime.internal;

import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.spi.DatabaseOptions;
import dev.cairn.runtime.spi.DatabaseProvider;
import dev.cairn.runtime.spi.DatabaseSupport;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the {@link DatabaseProvider} of a connection among those {@link ServiceLoader} lists. */
final class Databases {

    /** The providers last loaded, with the class loader they were loaded from. */
    private static volatile Loaded loaded;

    private record Loaded(ClassLoader loader, List<DatabaseProvider> providers) {
    }

    private Databases() {
    }

    /** The support for the database behind {@code connection}. */
    static DatabaseSupport detect(Connection connection, DatabaseOptions options) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        List<DatabaseProvider> providers = providers();
        for (DatabaseProvider provider : providers) {
            if (provider.supports(metadata)) {
                return provider.open(connection, options);
            }
        }
        throw new MigrationException(ErrorCode.UNSUPPORTED_DATABASE, options.description() + " is "
                + metadata.getDatabaseProductName() + ", which no Cairn database provider on the class path supports"
                + " (found: " + String.join(", ", providers.stream().map(p -> p.getClass().getName()).toList())
                + "). cairn-runtime supports SQLite and PostgreSQL; other databases need their provider module.");
    }

    /**
     * The providers visible from the thread's context class loader, which sees an application's
     * own providers (and a tool's class loader for a user's class path), and cairn-runtime's own.
     */
    private static List<DatabaseProvider> providers() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Loaded last = loaded;
        if (last != null && last.loader() == loader) {
            return last.providers();
        }
        List<DatabaseProvider> found = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ServiceLoader<DatabaseProvider> services : List.of(ServiceLoader.load(DatabaseProvider.class, loader),
                ServiceLoader.load(DatabaseProvider.class, Databases.class.getClassLoader()))) {
            for (DatabaseProvider provider : services) {
                if (!names.contains(provider.getClass().getName())) {
                    names.add(provider.getClass().getName());
                    found.add(provider);
                }
            }
        }
        List<DatabaseProvider> providers = List.copyOf(found);
        loaded = new Loaded(loader, providers);
        return providers;
    }
}
