package dev.cairn.maven;

import dev.cairn.runtime.MigrationReport;
import dev.cairn.runtime.MigrationSource;
import dev.cairn.runtime.Migrator;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Applies every pending migration, or those up to {@code -Dcairn.target}. */
@Mojo(name = "migrate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class MigrateMojo extends AbstractCairnMojo {

    /** Apply only the pending migrations up to this version (with the prerequisites they need). */
    @Parameter(property = "cairn.target")
    private String target;

    @Override
    void run(MigrationSource source) throws MojoExecutionException {
        Migrator migrator = migrator(source);
        MigrationReport report = target == null || target.isBlank() ? migrator.migrate() : migrator.migrate(target.trim());
        getLog().info(report.summary());
    }
}
