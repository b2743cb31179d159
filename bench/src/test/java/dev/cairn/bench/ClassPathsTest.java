package dev.cairn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathsTest {

    @Test
    void artifactId_isTheJarNameBeforeItsVersion() {
        assertEquals("flyway-database-postgresql", ClassPaths.artifactId(Path.of("/m2/flyway-database-postgresql-13.12.1.jar")));
        assertEquals("cairn-runtime", ClassPaths.artifactId(Path.of("/m2/cairn-runtime-0.1.0-SNAPSHOT.jar")));
        assertEquals("commons-collections4", ClassPaths.artifactId(Path.of("/m2/commons-collections4-4.5.0.jar")));
        assertEquals("jackson-core", ClassPaths.artifactId(Path.of("/m2/jackson-core-2.18.2.jar")));
    }

    @Test
    void artifactId_ofAReactorClassesDirectory_isTheModulesArtifact(@TempDir Path tree) throws Exception {
        Path classes = Files.createDirectories(tree.resolve("runtime/target/classes"));
        assertEquals("cairn-runtime", ClassPaths.artifactId(classes));
    }
}
