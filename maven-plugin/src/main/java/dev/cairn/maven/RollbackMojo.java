package dev.cairn.maven;

import dev.cairn.runtime.MigrationSource;
import dev.cairn.runtime.Migrator;
import dev.cairn.runtime.RollbackReport;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Rolls back {@code -Dcairn.migration=3} (and every applied migration that depends on it), or with
 * {@code -Dcairn.to=2} everything applied after version 2.
 */
@Mojo(name = "rollback", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class RollbackMojo extends AbstractCairnMojo {

    /** The migration to undo, with what depends on it. */
    @Parameter(property = "cairn.migration")
    private String version;

    /** The version to go back to: every migration applied after it is undone, it stays applied. */
    @Parameter(property = "cairn.to")
    private String to;

    @Override
    void run(MigrationSource source) throws MojoExecutionException {
        boolean hasVersion = version != null && !version.isBlank();
        boolean hasTo = to != null && !to.isBlank();
        if (hasVersion == hasTo) {
            throw new MojoExecutionException("cairn:rollback needs exactly one of -Dcairn.migration=<version> (undo that"
                    + " migration and what depends on it) and -Dcairn.to=<version> (undo everything after it)"
                    + (hasVersion ? ", not both." : "."));
        }
        Migrator migrator = migrator(source);
        RollbackReport report = hasVersion ? migrator.rollback(version.trim()) : migrator.rollbackTo(to.trim());
        getLog().info(report.summary());
    }
}
