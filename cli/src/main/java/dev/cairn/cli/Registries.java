package dev.cairn.cli;

import dev.cairn.runtime.MigrationSource;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds the migration registry of a class path through {@code META-INF/services/dev.cairn.runtime.MigrationSource}. */
final class Registries {

    private Registries() {
    }

    /** The class path's only registry, or the one named {@code wanted}; refuses to guess among several. */
    static MigrationSource find(UserClasspath classpath, String wanted) {
        List<ServiceLoader.Provider<MigrationSource>> found;
        try {
            found = ServiceLoader.load(MigrationSource.class, classpath.loader()).stream().toList();
        } catch (ServiceConfigurationError e) {
            throw CliException.failure("BAD_REGISTRY", "A registry listed in META-INF/services/" + MigrationSource.class.getName()
                    + " of " + classpath.description() + " cannot be loaded: " + e.getMessage()
                    + ". Rebuild the application with the same Cairn version as this command.");
        }
        String names = found.stream().map(p -> p.type().getName()).collect(Collectors.joining(", "));
        ServiceLoader.Provider<MigrationSource> chosen;
        if (wanted != null) {
            chosen = found.stream().filter(p -> p.type().getName().equals(wanted)).findFirst()
                    .orElseThrow(() -> CliException.usage("NO_REGISTRY", "--registry is " + wanted + ", but the registries of "
                            + classpath.description() + " are: " + (names.isEmpty() ? "none" : names) + "."));
        } else if (found.isEmpty()) {
            throw CliException.usage("NO_REGISTRY", "No Cairn migration registry on the classpath " + classpath.description()
                    + ". Name the jar or the class folder (target/classes) of the application whose migrations to run, built with"
                    + " cairn-processor on the compiler's annotation processor path and at least one @Migration class.");
        } else if (found.size() > 1) {
            throw CliException.usage("SEVERAL_REGISTRIES", "The classpath has " + found.size() + " Cairn migration registries: "
                    + names + ". Name the one to run with --registry <class>; migration sets that share a database each need"
                    + " their own history table (--history-table and --log-table).");
        } else {
            chosen = found.get(0);
        }
        try {
            return chosen.get();
        } catch (ServiceConfigurationError e) {
            throw CliException.failure("BAD_REGISTRY", "The registry " + chosen.type().getName() + " cannot be created: "
                    + e.getMessage() + ". Rebuild the application with the same Cairn version as this command.");
        }
    }
}
