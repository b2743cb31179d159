package dev.cairn.cli;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.DryRunReport;
import dev.cairn.runtime.ExecutedMigration;
import dev.cairn.runtime.LogEntry;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationStatus;
import dev.cairn.runtime.ValidationReport;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pieces of the {@code --json} documents, in the shapes docs/cli-json.md describes: every
 * document is an object with {@code command}, {@code ok} and {@code exitCode}, and the verb's
 * fields; versions are strings, times ISO-8601 strings in UTC, durations milliseconds.
 */
final class Json {

    private Json() {
    }

    /** The start of every document. */
    static Map<String, Object> document(String command, int exitCode) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("command", command);
        document.put("ok", exitCode == ExitCode.OK);
        document.put("exitCode", exitCode);
        return document;
    }

    static Map<String, Object> error(String command, String code, int exitCode, String message) {
        Map<String, Object> document = document(command, exitCode);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        document.put("error", error);
        return document;
    }

    static Map<String, Object> status(MigrationStatus m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", m.version().toString());
        json.put("description", m.description());
        json.put("className", m.className());
        json.put("state", m.state().name());
        json.put("installedOn", time(m.installedOn()));
        json.put("installedBy", m.installedBy());
        json.put("detail", m.detail());
        return json;
    }

    static Map<String, Object> executed(ExecutedMigration m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", m.version().toString());
        json.put("description", m.description());
        json.put("className", m.className());
        json.put("durationMs", m.duration().toMillis());
        json.put("outOfOrder", m.outOfOrder());
        return json;
    }

    static Map<String, Object> dryRun(DryRunReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("wouldApply", report.wouldApply().stream().map(m -> {
            Map<String, Object> step = executed(m);
            step.put("statements", m.statements());
            return step;
        }).toList());
        json.put("notRun", report.notRun().stream().map(Json::migration).toList());
        return json;
    }

    static Map<String, Object> migration(MigrationDescriptor m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", m.version().toString());
        json.put("description", m.description());
        json.put("className", m.className());
        json.put("dependsOn", versions(m.dependsOn()));
        json.put("reversible", m.reversible());
        json.put("transactional", m.transactional());
        return json;
    }

    static Map<String, Object> logEntry(LogEntry e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", e.id());
        json.put("version", e.version().toString());
        json.put("description", e.description());
        json.put("action", e.action().name());
        json.put("checksum", e.checksum());
        json.put("loggedOn", time(e.loggedOn()));
        json.put("loggedBy", e.loggedBy());
        json.put("executionMs", e.executionMs());
        json.put("detail", e.detail());
        return json;
    }

    static Map<String, Object> problem(ValidationReport.Problem p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", p.kind().name());
        json.put("version", p.version().toString());
        json.put("message", p.message());
        return json;
    }

    static List<String> versions(List<MigrationVersion> versions) {
        return versions.stream().map(MigrationVersion::toString).toList();
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** {@code out of order} for {@code OUT_OF_ORDER}: a state as text prints it. */
    static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
