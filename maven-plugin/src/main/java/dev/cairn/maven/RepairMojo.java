package dev.cairn.maven;

import dev.cairn.runtime.MigrationSource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * After a person fixed the database by hand: accepts the build's checksums for applied migrations
 * and clears failed state so that the next migrate runs them again.
 */
@Mojo(name = "repair", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class RepairMojo extends AbstractCairnMojo {

    @Override
    void run(MigrationSource source) throws MojoExecutionException {
        getLog().info(migrator(source).repair().summary());
    }
}
