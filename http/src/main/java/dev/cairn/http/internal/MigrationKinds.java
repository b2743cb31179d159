package dev.cairn.http.internal;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationGraph;
import dev.cairn.runtime.data.DataMigration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What kind of migration each one of the build is: {@code "sql"} (a SQL file, which its descriptor
 * names as its class), {@code "data"} (a {@link DataMigration}) or {@code "java"}. Found once, when
 * the server starts, because telling a data migration apart means creating its step.
 */
final class MigrationKinds {

    static final String SQL = "sql";
    static final String DATA = "data";
    static final String JAVA = "java";

    private final Map<MigrationVersion, String> kinds = new HashMap<>();

    MigrationKinds(MigrationGraph graph) {
        for (MigrationDescriptor m : graph.migrations()) {
            kinds.put(m.version(), m.className().endsWith(".sql") ? SQL : m.newStep() instanceof DataMigration ? DATA : JAVA);
        }
    }

    /** The kind of {@code version}, empty for a version the build does not know. */
    Optional<String> of(MigrationVersion version) {
        return Optional.ofNullable(kinds.get(version));
    }

    boolean isData(MigrationVersion version) {
        return DATA.equals(kinds.get(version));
    }
}
