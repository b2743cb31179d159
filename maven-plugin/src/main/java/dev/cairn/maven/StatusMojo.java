package dev.cairn.maven;

import dev.cairn.runtime.MigrationSource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Prints where each migration stands. Changes nothing. */
@Mojo(name = "status", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class StatusMojo extends AbstractCairnMojo {

    @Override
    void run(MigrationSource source) throws MojoExecutionException {
        getLog().info(migrator(source).status().summary());
    }
}
