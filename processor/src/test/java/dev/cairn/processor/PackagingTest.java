package dev.cairn.processor;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What build tools read from the processor's jar. */
class PackagingTest {

    @Test
    void gradleTreatsTheProcessorAsAggregating() throws IOException {
        assertThat(resource("META-INF/gradle/incremental.annotation.processors").strip())
                .isEqualTo(MigrationProcessor.class.getName() + ",aggregating");
    }

    @Test
    void javacDiscoversTheProcessor() throws IOException {
        assertThat(resource("META-INF/services/javax.annotation.processing.Processor").strip())
                .isEqualTo(MigrationProcessor.class.getName());
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = MigrationProcessor.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
