package dev.cairn.http.internal;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.LogEntry;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationGraph;
import dev.cairn.runtime.MigrationStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API's {@code Migration} object: what the build says of a migration (kind, dependencies,
 * reversible, checksum, layer in the graph) and what the database says (state, when and by whom
 * it was applied, how long it took). For a version only the database knows, the build's fields
 * are {@code null}.
 */
final class MigrationViews {

    private final MigrationKinds kinds;
    /** Fixed with the build, as the kinds are: computed once, not per migration of each answer. */
    private final Map<MigrationVersion, Integer> layers;

    MigrationViews(MigrationGraph graph, MigrationKinds kinds) {
        this.kinds = kinds;
        this.layers = graph.layers();
    }

    /** Every migration of the snapshot's status, in plan order, versions unknown to the build last. */
    List<Map<String, Object>> all(Snapshot snapshot) {
        return snapshot.status().migrations().stream().map(m -> of(snapshot, m)).toList();
    }

    Map<String, Object> of(Snapshot snapshot, MigrationStatus status) {
        Optional<MigrationDescriptor> descriptor = snapshot.graph().find(status.version());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", status.version().toString());
        json.put("description", status.description());
        json.put("kind", kinds.of(status.version()).orElse(null));
        json.put("reversible", descriptor.map(MigrationDescriptor::reversible).orElse(null));
        json.put("transactional", descriptor.map(MigrationDescriptor::transactional).orElse(null));
        json.put("dependsOn", descriptor.map(d -> Json.versions(d.dependsOn())).orElse(List.of()));
        json.put("state", status.state().name());
        json.put("installedOn", Json.time(status.installedOn()));
        json.put("installedBy", status.installedBy());
        json.put("executionMs", snapshot.appliedBy(status).map(LogEntry::executionMs).orElse(null));
        json.put("detail", status.detail());
        json.put("checksum", descriptor.map(MigrationDescriptor::checksum).orElse(null));
        json.put("layer", layers.get(status.version()));
        return json;
    }

    /** The short form of a plan's or a run's items: version and description. */
    static Map<String, Object> named(MigrationDescriptor m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", m.version().toString());
        json.put("description", m.description());
        return json;
    }
}
