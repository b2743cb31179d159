package dev.cairn.maven;

import dev.cairn.runtime.MigrationSource;
import dev.cairn.runtime.ValidationReport;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Fails the build when the database differs from the build: a pending migration, checksum drift,
 * an unknown or failed version. Changes nothing; bound to {@code verify} by default.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class ValidateMojo extends AbstractCairnMojo {

    @Override
    void run(MigrationSource source) throws MojoExecutionException, MojoFailureException {
        ValidationReport report = migrator(source).validate();
        if (!report.isValid()) {
            throw new MojoFailureException(report.summary());
        }
        getLog().info(report.summary());
    }
}
