package dev.cairn.bench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every tool gets the same statements, in order, and nothing else. */
class WorkloadWriterTest {

    private static final int N = 12;

    @Test
    void everyTool_getsTheSameStatements(@TempDir Path dir) throws Exception {
        Workload workload = new Workload(N, dir);
        new WorkloadWriter(workload).writeAll();
        List<String> expected = IntStream.rangeClosed(1, N).mapToObj(Workload::statement).toList();

        assertEquals(expected, Files.readAllLines(dir.resolve("floor/db/floor/statements.sql")));
        assertEquals(expected, sqlFiles(dir.resolve("flyway/db/flyway")));
        assertEquals(expected, sqlFiles(dir.resolve("cairn-sql/resources/db/sqlfiles")));

        String changelog = Files.readString(dir.resolve("liquibase/db/liquibase/changelog.sql"));
        assertTrue(changelog.startsWith("--liquibase formatted sql\n"));
        assertEquals(expected, matches(changelog, "--changeset bench:(\\d+)\n(.*);\n", 2));
        assertEquals(IntStream.rangeClosed(1, N).mapToObj(String::valueOf).toList(),
                matches(changelog, "--changeset bench:(\\d+)\n", 1));

        for (int v = 1; v <= N; v++) {
            String source = Files.readString(dir.resolve(String.format("cairn-java/src/bench/migrations/V%05d.java", v)));
            assertEquals(List.of(Workload.statement(v)), matches(source, "db\\.execute\\(\"(CREATE[^\"]*)\"\\)", 1));
            assertTrue(source.contains(v == 1 ? "version = \"1\", description" : "dependsOn = \"" + (v - 1) + "\""), source);
        }
    }

    @Test
    void statement_namesItsTableWithFiveDigits() {
        assertEquals("CREATE TABLE t_00042 (id INTEGER PRIMARY KEY, name VARCHAR(100))", Workload.statement(42));
    }

    /** The statements of the V files, in version order. */
    private static List<String> sqlFiles(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> sorted = files.sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
            assertEquals(N, sorted.size());
            return sorted.stream().map(f -> {
                try {
                    String text = Files.readString(f);
                    assertTrue(text.endsWith(";\n"), f + ": " + text);
                    return text.substring(0, text.length() - 2);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static int version(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    private static List<String> matches(String text, String regex, int group) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(group));
        }
        return found;
    }
}
