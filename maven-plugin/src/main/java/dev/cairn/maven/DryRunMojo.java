package dev.cairn.maven;

import dev.cairn.runtime.DryRunReport;
import dev.cairn.runtime.MigrationSource;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Runs what {@code migrate} would run inside a transaction that is rolled back, and writes the
 * statements as an SQL script. The database is left as it was.
 */
@Mojo(name = "dry-run", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class DryRunMojo extends AbstractCairnMojo {

    /** Where to write the SQL script. */
    @Parameter(property = "cairn.output", defaultValue = "${project.build.directory}/cairn/dry-run.sql")
    private File output;

    @Override
    void run(MigrationSource source) throws MojoExecutionException {
        DryRunReport report = migrator(source).dryRun();
        try {
            Files.createDirectories(output.toPath().toAbsolutePath().getParent());
            Files.writeString(output.toPath(), report.toSqlScript(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the dry run's SQL script to " + output + ": " + e.getMessage(), e);
        }
        getLog().info(report.summary());
        getLog().info("SQL script written to " + output);
    }
}
