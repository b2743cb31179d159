package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Output made comparable with a golden file: the database's name, times and durations, which
 * change from run to run, replaced by placeholders. {@code CAIRN_GOLDEN_WRITE=true} rewrites the
 * golden files from the current output instead of comparing.
 */
final class Normalized {

    private Normalized() {
    }

    static String of(String output, String database) {
        return output.replace(database, "<database>")
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z", "<time>")
                .replaceAll("\\d+ ms", "<n> ms")
                .replaceAll("src1:[0-9a-f]{64}", "src1:<checksum>");
    }

    /** Compares with {@code src/test/resources/golden/<name>}. */
    static void assertGolden(String name, String actual) {
        Path file = Path.of("src/test/resources/golden", name);
        try {
            if (Boolean.parseBoolean(System.getenv("CAIRN_GOLDEN_WRITE"))) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "golden file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the golden file " + file + " (write it with CAIRN_GOLDEN_WRITE=true)", e);
        }
    }
}
