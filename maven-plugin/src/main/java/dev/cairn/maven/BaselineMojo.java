package dev.cairn.maven;

import dev.cairn.runtime.MigrationSource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Records that an existing database already has the changes of the migrations up to
 * {@code -Dcairn.migration}, without running them.
 */
@Mojo(name = "baseline", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class BaselineMojo extends AbstractCairnMojo {

    /** The version the database is at. */
    @Parameter(property = "cairn.migration")
    private String version;

    @Override
    void run(MigrationSource source) throws MojoExecutionException {
        String at = required(version, "version", "3");
        getLog().info(migrator(source).baseline(at).summary());
    }
}
