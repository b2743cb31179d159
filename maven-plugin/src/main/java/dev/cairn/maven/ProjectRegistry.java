package dev.cairn.maven;

import dev.cairn.runtime.MigrationSource;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Driver;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

/**
 * The module's compiled migrations: a class loader over {@code target/classes} and the runtime
 * classpath, and the {@code MigrationRegistry} its {@code META-INF/services} lists.
 *
 * <p>The loader delegates to the plugin's first, so that the registry is built against the same
 * {@code dev.cairn.runtime} classes as the goal that runs it.
 */
final class ProjectRegistry {

    private ProjectRegistry() {
    }

    /** A class loader over the project's compiled classes and runtime dependencies; the caller closes it. */
    static URLClassLoader classLoaderOf(MavenProject project, ClassLoader parent) throws MojoExecutionException {
        List<URL> urls = new ArrayList<>();
        try {
            for (String element : project.getRuntimeClasspathElements()) {
                urls.add(new File(element).toURI().toURL());
            }
        } catch (DependencyResolutionRequiredException | MalformedURLException e) {
            throw new MojoExecutionException("Cannot build the classpath of " + project.getId() + ": " + e.getMessage(), e);
        }
        return new URLClassLoader(urls.toArray(URL[]::new), parent);
    }

    /**
     * Loads the JDBC drivers the loader lists, which registers them with {@link DriverManager}: it
     * looks for drivers only once per JVM, perhaps before this goal's loader existed.
     */
    static void registerDrivers(ClassLoader loader) {
        Iterator<Driver> drivers = ServiceLoader.load(Driver.class, loader).iterator();
        while (true) {
            try {
                if (!drivers.hasNext()) {
                    return;
                }
                drivers.next();
            } catch (ServiceConfigurationError broken) {
                // A driver that cannot load is not this database's: DriverManager reports a missing one by URL.
            }
        }
    }

    /**
     * The registry the loader's {@code META-INF/services/dev.cairn.runtime.MigrationSource} lists:
     * the only one, or the one whose class is {@code wanted}.
     */
    static MigrationSource find(ClassLoader loader, String wanted, File classes) throws MojoExecutionException {
        try {
            return choose(ServiceLoader.load(MigrationSource.class, loader).stream().toList(), wanted, classes).get();
        } catch (ServiceConfigurationError e) {
            throw new MojoExecutionException("A registry listed in META-INF/services/" + MigrationSource.class.getName()
                    + " cannot be loaded: " + e.getMessage() + ". Rebuild the module (mvn clean compile).", e);
        }
    }

    /** The only provider, or the one named {@code wanted}; refuses to guess among several. */
    static ServiceLoader.Provider<MigrationSource> choose(List<ServiceLoader.Provider<MigrationSource>> found,
            String wanted, File classes) throws MojoExecutionException {
        String names = found.stream().map(p -> p.type().getName()).collect(Collectors.joining(", "));
        if (wanted != null && !wanted.isBlank()) {
            return found.stream().filter(p -> p.type().getName().equals(wanted)).findFirst()
                    .orElseThrow(() -> new MojoExecutionException("<registry> is " + wanted + ", but the classpath's"
                            + " registries are: " + (names.isEmpty() ? "none" : names) + "."));
        }
        if (found.isEmpty()) {
            throw new MojoExecutionException("No Cairn migration registry found in " + classes + " or the runtime"
                    + " classpath. Compile the module first (run the goal in or after the compile phase, such as"
                    + " mvn compile cairn:migrate), with cairn-processor on the compiler's annotationProcessorPaths"
                    + " and at least one @Migration class.");
        }
        if (found.size() > 1) {
            throw new MojoExecutionException("The classpath has " + found.size() + " Cairn migration registries: "
                    + names + ". Name the one to run with <registry> (or -Dcairn.registry=...).");
        }
        return found.get(0);
    }
}
