package dev.cairn.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.cairn.processor.report.Message;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A cycle through hundreds of migrations is reported compactly: its path once, shortened in the
 * middle, and a short pointer to it on every other member, each still on its own dependsOn entry.
 */
class LargeCycleTest {

    private static final int COUNT = 340;
    /** Migration 10 also depends on the head, 340: the cycle 10 -> 340 -> 339 -> ... -> 11 -> 10. */
    private static final int CLOSING = 10;
    private static final int MEMBERS = COUNT - CLOSING + 1;
    private static final String PKG = "com.example.big.";

    @Test
    void aCycleThroughTheHeadOfALargeGraph_givesOneShortErrorPerMember_andThePathOnce() {
        List<JavaFileObject> sources = SyntheticMigrations.sources(COUNT,
                i -> i == CLOSING ? List.of(i - 1, COUNT) : i == 1 ? List.of() : List.of(i - 1));
        // javac shows the first 100 errors unless told otherwise; count them all.
        Compilation compilation = SyntheticMigrations.compile(sources, "-Xmaxerrs", "10000");

        assertThat(compilation).hadErrorCount(MEMBERS);
        List<String> errors = compilation.errors().stream().map(error -> error.getMessage(Locale.ROOT)).toList();
        assertThat(errors.stream().mapToInt(String::length).sum()).isLessThan(50_000);
        assertThat(errors.stream().mapToInt(String::length).max().orElseThrow()).isLessThan(400);
        assertThat(errors.stream().filter(error -> error.contains(" -> "))).hasSize(1);

        assertThat(compilation).hadErrorContaining(Message.DEPENDENCY_CYCLE.format(displayName(CLOSING), MEMBERS,
                        "10 -> 340 -> 339 -> 338 -> 337 -> 336 -> ... (319 more) ... -> 16 -> 15 -> 14 -> 13 -> 12 -> 11 -> 10"))
                .inFile(sources.get(CLOSING - 1)).onLine(7);
        assertThat(compilation).hadErrorContaining(Message.DEPENDENCY_CYCLE_MEMBER.format(
                        displayName(COUNT), displayName(CLOSING)))
                .inFile(sources.get(COUNT - 1)).onLine(7);
        assertThat(compilation).hadErrorContaining(Message.DEPENDENCY_CYCLE_MEMBER.format(
                        displayName(CLOSING + 1), displayName(CLOSING)))
                .inFile(sources.get(CLOSING)).onLine(7);
    }

    private static String displayName(int version) {
        return version + " (" + PKG + "M" + version + ")";
    }
}
