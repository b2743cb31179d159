package dev.cairn.processor.plan;

import dev.cairn.MigrationVersion;
import dev.cairn.processor.checksum.Sha256;
import java.util.Map;

/**
 * The fingerprint of a plan: one short text that changes whenever a version or a checksum does.
 * The registry states it, computed here at compile time, so that the runtime can tell a database
 * is up to date by comparing it with one stored value, without describing a single migration.
 *
 * <p>Format {@value #TAG}: the tag, a colon, and the lowercase hex SHA-256 of UTF-8 text holding
 * one line per migration, {@code version TAB checksum LF}. Lines follow version order, not plan
 * order, so that the fingerprint depends only on which migrations there are, not on how their
 * dependencies order them. Versions are canonical: {@code "2"}, {@code "02"} and {@code "2.0"} are
 * one version and give one fingerprint. Repeatable migrations follow, one line each in name order,
 * {@code R TAB name TAB checksum LF} (no version starts with {@code R}); a plan without them has
 * the fingerprint it had before they existed.
 */
public final class PlanFingerprint {

    /** Names this way of computing the fingerprint. */
    public static final String TAG = "plan1";

    private PlanFingerprint() {
    }

    /**
     * The fingerprint of versioned migrations given as their checksums by version.
     *
     * @param checksums each migration's checksum with its algorithm's tag, such as {@code "src1:3f2a..."}
     */
    public static String of(Map<MigrationVersion, String> checksums) {
        return of(checksums, Map.of());
    }

    /**
     * The fingerprint of versioned and repeatable migrations.
     *
     * @param checksums each versioned migration's checksum by version
     * @param repeatables each repeatable migration's checksum by name
     */
    public static String of(Map<MigrationVersion, String> checksums, Map<String, String> repeatables) {
        StringBuilder lines = new StringBuilder();
        checksums.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> lines.append(entry.getKey().canonical()).append('\t')
                        .append(entry.getValue()).append('\n'));
        repeatables.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> lines.append("R\t").append(entry.getKey()).append('\t')
                        .append(entry.getValue()).append('\n'));
        return TAG + ":" + Sha256.hexOf(lines.toString());
    }
}
