package dev.cairn.http.internal;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationState;
import dev.cairn.runtime.MigrationStatus;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The status in the shape of Spring Boot Actuator's {@code flyway} endpoint
 * ({@code contexts.<name>.flywayBeans.<bean>.migrations}), for dashboards that read it. Flyway's
 * fields are filled from Cairn's: its integer checksum is the CRC-32 of Cairn's checksum text (it
 * changes when the migration changes), its installed rank the order of application.
 */
final class FlywayActuatorView {

    private static final String BEAN = "cairn";

    private FlywayActuatorView() {
    }

    static Map<String, Object> of(Snapshot snapshot, MigrationKinds kinds, String contextName) {
        Map<MigrationVersion, Integer> ranks = ranks(snapshot.status().migrations());
        List<Map<String, Object>> migrations = snapshot.status().migrations().stream().map(m -> {
            Map<String, Object> json = new LinkedHashMap<>();
            String kind = kinds.of(m.version()).orElse(null);
            String checksum = snapshot.graph().find(m.version()).map(MigrationDescriptor::checksum).orElse(null);
            json.put("type", MigrationKinds.SQL.equals(kind) ? "SQL" : "JDBC");
            json.put("checksum", checksum == null ? null : crc32(checksum));
            json.put("version", m.version().toString());
            json.put("description", m.description());
            json.put("script", m.className().isEmpty() ? null : m.className());
            json.put("state", flywayState(m.state()));
            json.put("installedBy", m.installedBy());
            json.put("installedOn", Json.time(m.installedOn()));
            json.put("installedRank", ranks.get(m.version()));
            json.put("executionTime", snapshot.appliedBy(m).map(e -> (int) Math.min(Integer.MAX_VALUE, e.executionMs())).orElse(null));
            return json;
        }).toList();
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("flywayBeans", Map.of(BEAN, Map.of("migrations", migrations)));
        context.put("parentId", null);
        return Map.of("contexts", Map.of(contextName, context));
    }

    /**
     * Flyway's name for a state. Flyway's {@code OUT_OF_ORDER} is a migration that was applied out of
     * order, so Cairn's pending {@code OUT_OF_ORDER} is {@code PENDING} there, as are those running or
     * stopped part way: none of them is applied yet.
     */
    static String flywayState(MigrationState state) {
        return switch (state) {
            case APPLIED, CHECKSUM_CHANGED, DUPLICATE -> "SUCCESS";
            case PENDING, OUT_OF_ORDER, IN_PROGRESS, RUNNING -> "PENDING";
            case FAILED, INTERRUPTED -> "FAILED";
            case UNKNOWN -> "FUTURE_SUCCESS";
        };
    }

    /** 1 for the first migration applied, in the order of their installation time. */
    private static Map<MigrationVersion, Integer> ranks(List<MigrationStatus> migrations) {
        Map<MigrationVersion, Integer> ranks = new HashMap<>();
        List<MigrationStatus> installed = migrations.stream().filter(m -> m.installedOn() != null)
                .sorted(Comparator.comparing(MigrationStatus::installedOn)).toList();
        for (int i = 0; i < installed.size(); i++) {
            ranks.put(installed.get(i).version(), i + 1);
        }
        return ranks;
    }

    private static int crc32(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }
}
