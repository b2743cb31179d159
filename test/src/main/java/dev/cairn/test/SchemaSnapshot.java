package dev.cairn.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AssertionFailureBuilder;

/**
 * A schema committed as a text file, one sorted line per table, column, primary key, index,
 * foreign key and trigger, so that a change to the migrations shows in review as the lines it
 * changes:
 *
 * <pre>
 * table routers: columns id, name, metadata, timeout_seconds
 * column routers.id: INTEGER NOT NULL
 * column routers.timeout_seconds: INTEGER DEFAULT 300
 * primary key of routers: (id)
 * index routers_name on routers: UNIQUE (name)
 * </pre>
 *
 * <p>When the system property {@value #UPDATE_PROPERTY} or the environment variable
 * {@value #UPDATE_VARIABLE} is {@code true}, {@link #assertMatches} writes the file instead of
 * comparing: run the tests once so, review the diff, and commit it.
 */
public final class SchemaSnapshot {

    /** The system property that makes snapshots be rewritten: {@code -Dcairn.updateSnapshots=true}. */
    public static final String UPDATE_PROPERTY = "cairn.updateSnapshots";

    /** The environment variable that makes snapshots be rewritten, where no system property is set. */
    public static final String UPDATE_VARIABLE = "CAIRN_UPDATE_SNAPSHOTS";

    private static final String HEADER = "# The schema the migrations build, read from the database's catalog by cairn-test.\n"
            + "# Rewrite it with -D" + UPDATE_PROPERTY + "=true rather than by hand.\n";
    private static final String HOW_TO_UPDATE = "run the test with -D" + UPDATE_PROPERTY + "=true (or the environment variable "
            + UPDATE_VARIABLE + "=true)";

    private final Path file;
    private final boolean update;

    SchemaSnapshot(Path file, boolean update) {
        this.file = file;
        this.update = update;
    }

    /** The snapshot in {@code file}, relative to the working directory (a Maven module's directory). */
    public static SchemaSnapshot at(Path file) {
        boolean update = Boolean.parseBoolean(System.getProperty(UPDATE_PROPERTY, System.getenv(UPDATE_VARIABLE)));
        return new SchemaSnapshot(file, update);
    }

    /** The snapshot of a kind of database, {@code src/test/resources/cairn/schema-<kind>.txt}. */
    public static SchemaSnapshot of(DatabaseKind kind) {
        return at(Path.of("src", "test", "resources", "cairn", "schema-" + kind.fileName() + ".txt"));
    }

    /** The snapshot's file. */
    public Path file() {
        return file;
    }

    /**
     * Fails unless the file holds {@code schema}, with the lines that differ; or, when updating,
     * writes {@code schema} to the file.
     */
    public void assertMatches(Schema schema) {
        List<String> actual = SchemaLines.of(schema).stream().map(SchemaLines.Line::text).toList();
        if (update) {
            write(actual);
            return;
        }
        if (!Files.exists(file)) {
            throw new AssertionError("There is no schema snapshot at " + file + " (" + file.toAbsolutePath() + ")."
                    + " To create it, " + HOW_TO_UPDATE + ", check the file and commit it.");
        }
        List<String> expected = read();
        if (!expected.equals(actual)) {
            AssertionFailureBuilder.assertionFailure().reason(mismatch(expected, actual))
                    .expected(String.join("\n", expected)).actual(String.join("\n", actual))
                    .includeValuesInMessage(false).buildAndThrow();
        }
    }

    private String mismatch(List<String> expected, List<String> actual) {
        List<String> lines = new ArrayList<>();
        expected.stream().filter(line -> !actual.contains(line)).forEach(line -> lines.add("  - " + line));
        actual.stream().filter(line -> !expected.contains(line)).forEach(line -> lines.add("  + " + line));
        if (lines.isEmpty()) {
            lines.add("  (the same lines, in another order)");
        }
        return "The schema differs from the snapshot " + file + " (- only in the snapshot, + only in the database):\n"
                + String.join("\n", lines) + "\nIf the migrations are right, " + HOW_TO_UPDATE
                + " to rewrite the snapshot, and commit it.";
    }

    private List<String> read() {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the schema snapshot " + file, e);
        }
    }

    private void write(List<String> lines) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, HEADER + lines.stream().map(line -> line + "\n").collect(Collectors.joining()),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the schema snapshot " + file, e);
        }
    }
}
