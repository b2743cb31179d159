package dev.cairn.cli;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The class path the user named, in a class loader of its own whose parent is the command's: the
 * registry is built against the same {@code dev.cairn.runtime} classes as the command that runs
 * it. JDBC drivers found there are registered with {@link DriverManager}, which would otherwise
 * refuse them (it hands out only drivers its caller's class loader can see).
 */
final class UserClasspath implements AutoCloseable {

    private final URLClassLoader loader;
    private final String description;

    private UserClasspath(URLClassLoader loader, String description) {
        this.loader = loader;
        this.description = description;
    }

    /**
     * Opens {@code classpath}: entries separated by the platform's path separator, each a jar, a
     * class folder, or {@code folder/*} for every jar in a folder; relative to {@code workingDirectory}.
     */
    static UserClasspath open(String classpath, Path workingDirectory) {
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            for (Path path : expand(entry.trim(), workingDirectory)) {
                try {
                    urls.add(path.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw CliException.usage("BAD_CLASSPATH", "--classpath entry " + entry + " is not a path: " + e.getMessage());
                }
            }
        }
        // Initialize DriverManager with the command's own drivers before the user's loader exists.
        DriverManager.drivers().count();
        URLClassLoader loader = new URLClassLoader("cairn-user-classpath", urls.toArray(URL[]::new), Cairn.class.getClassLoader());
        registerDrivers(loader);
        return new UserClasspath(loader, classpath);
    }

    private static List<Path> expand(String entry, Path workingDirectory) {
        if (entry.endsWith("/*") || entry.endsWith(File.separator + "*") || entry.equals("*")) {
            Path folder = workingDirectory.resolve(entry.substring(0, entry.length() - 1));
            if (!Files.isDirectory(folder)) {
                throw missing(entry, folder);
            }
            List<Path> jars = new ArrayList<>();
            try (DirectoryStream<Path> found = Files.newDirectoryStream(folder, "*.{jar,JAR}")) {
                found.forEach(jars::add);
            } catch (IOException e) {
                throw CliException.usage("BAD_CLASSPATH", "Cannot list the jars of " + folder + " (--classpath " + entry + "): " + e);
            }
            jars.sort(null);
            return jars;
        }
        Path path = workingDirectory.resolve(entry);
        if (!Files.exists(path)) {
            throw missing(entry, path);
        }
        return List.of(path);
    }

    private static CliException missing(String entry, Path path) {
        return CliException.usage("BAD_CLASSPATH", "--classpath entry " + entry + " does not exist (" + path.toAbsolutePath()
                + "). Build the application first (mvn package, or mvn compile for target/classes), or fix the path.");
    }

    /**
     * Registers each driver the user's class path brings through a {@link DriverShim}, a class of the
     * command's loader that {@link DriverManager} accepts. Drivers the command bundles are its own.
     */
    private static void registerDrivers(ClassLoader loader) {
        Iterator<Driver> drivers = ServiceLoader.load(Driver.class, loader).iterator();
        while (true) {
            Driver driver;
            try {
                if (!drivers.hasNext()) {
                    return;
                }
                driver = drivers.next();
            } catch (ServiceConfigurationError broken) {
                // A driver that cannot load is not this database's: a missing driver is reported by URL.
                continue;
            }
            if (driver.getClass().getClassLoader() == loader) {
                try {
                    DriverManager.registerDriver(new DriverShim(driver));
                } catch (SQLException e) {
                    throw CliException.failure("DRIVER", "Cannot register the JDBC driver " + driver.getClass().getName() + ": " + e);
                }
            }
        }
    }

    ClassLoader loader() {
        return loader;
    }

    /** The class path as the user gave it, for messages. */
    String description() {
        return description;
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }
}
