package dev.cairn.maven;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.MigrationSource;
import dev.cairn.runtime.MigrationState;
import dev.cairn.runtime.MigrationStatus;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes the migrations' dependency graph as Graphviz DOT ({@code plan.dot}) and Mermaid
 * ({@code plan.mmd}); when a database is configured, each migration shows its state there.
 */
@Mojo(name = "plan", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class PlanMojo extends AbstractCairnMojo {

    /** The directory of {@code plan.dot} and {@code plan.mmd}. */
    @Parameter(property = "cairn.planDirectory", defaultValue = "${project.build.directory}/cairn")
    private File planDirectory;

    @Override
    void run(MigrationSource source) throws MojoExecutionException {
        Map<MigrationVersion, MigrationState> states = hasDatabase()
                ? migrator(source).status().migrations().stream()
                        .collect(Collectors.toMap(MigrationStatus::version, MigrationStatus::state, (a, b) -> a))
                : Map.of();
        PlanGraph graph = new PlanGraph(source.migrations(), states);
        Path dot = planDirectory.toPath().resolve("plan.dot");
        Path mermaid = planDirectory.toPath().resolve("plan.mmd");
        try {
            Files.createDirectories(planDirectory.toPath());
            Files.writeString(dot, graph.toDot(), StandardCharsets.UTF_8);
            Files.writeString(mermaid, graph.toMermaid(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the plan into " + planDirectory + ": " + e.getMessage(), e);
        }
        getLog().info("Plan of " + source.migrations().size() + " migrations written to " + dot + " and " + mermaid
                + (hasDatabase() ? "" : " (no <url>: without states)")
                + "; render with: dot -Tsvg " + dot.getFileName() + " -o plan.svg");
    }
}
