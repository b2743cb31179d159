package dev.cairn.runtime.internal.sqlfile;

import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.MigrationSource;
import dev.cairn.runtime.registry.CompiledSqlFiles;
import dev.cairn.runtime.registry.GeneratedRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Compares a generated registry's SQL directory on the classpath with the files it was compiled
 * from. Maven's compiler recompiles only when a Java source changed, so after a change to SQL files
 * alone the resources are copied and the registry is not: a file added would never run, and the
 * database would pass for up to date. Listing a directory of the file system costs about a
 * directory read, which every start can afford; a jar's entries are read only when asked (off the
 * up-to-date path), and a classpath Cairn cannot list is not judged.
 */
public final class SqlDirectoryCheck {

    private SqlDirectoryCheck() {
    }

    /**
     * Refuses a registry whose SQL directory no longer holds the files it was compiled from.
     *
     * @param inJars whether to read the directory inside jars too, not only in directories
     */
    public static void check(MigrationSource source, boolean inJars) {
        if (!(source instanceof GeneratedRegistry registry)) {
            return;
        }
        CompiledSqlFiles compiled = registry.compiledSqlFiles().orElse(null);
        if (compiled == null) {
            return;
        }
        Set<String> found;
        try {
            found = listed(registry.getClass().getClassLoader(), compiled.directory(), inJars);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the SQL directory " + compiled.directory() + " of "
                    + registry.getClass().getName() + " on the classpath", e);
        }
        if (found == null) {
            return;
        }
        List<String> added = new ArrayList<>(found);
        added.removeAll(compiled.files());
        List<String> removed = new ArrayList<>(compiled.files());
        removed.removeAll(found);
        if (!added.isEmpty() || !removed.isEmpty()) {
            throw new MigrationException(ErrorCode.SQL_RESOURCE, registry.getClass().getName() + " was compiled from the"
                    + " SQL files of " + compiled.directory() + ", but that directory on the classpath "
                    + (added.isEmpty() ? "" : "now also holds " + String.join(", ", added))
                    + (added.isEmpty() || removed.isEmpty() ? "" : " and ")
                    + (removed.isEmpty() ? "" : "no longer holds " + String.join(", ", removed))
                    + ": its files changed after the last compile (Maven's compiler sees no changed Java source when only"
                    + " SQL files change, and keeps the old registry). Nothing was run: migrations run only as they were"
                    + " checked at compile time. Rebuild from clean (mvn clean compile, or your IDE's rebuild), then run"
                    + " the command again.");
        }
    }

    /**
     * The {@code .sql} files below {@code directory} in every classpath root; {@code null} where one
     * cannot be listed, or none shows the directory itself (a jar written without directory
     * entries, a class loader that serves files only).
     */
    private static Set<String> listed(ClassLoader loader, String directory, boolean inJars) throws IOException {
        List<URL> roots = Collections.list(resources(loader, directory));
        if (roots.isEmpty()) {
            return null;
        }
        Set<String> files = new TreeSet<>();
        for (URL root : roots) {
            switch (root.getProtocol()) {
                case "file" -> files.addAll(inDirectory(root));
                case "jar" -> {
                    if (!inJars) {
                        return null;
                    }
                    files.addAll(inJar(root));
                }
                default -> {
                    return null;
                }
            }
        }
        return files;
    }

    private static Enumeration<URL> resources(ClassLoader loader, String directory) throws IOException {
        return loader == null ? ClassLoader.getSystemResources(directory) : loader.getResources(directory);
    }

    private static List<String> inDirectory(URL root) throws IOException {
        Path directory;
        try {
            directory = Path.of(root.toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).filter(path -> isMigrationFile(path.getFileName().toString()))
                    .map(path -> directory.relativize(path).toString().replace(directory.getFileSystem().getSeparator(), "/"))
                    .toList();
        }
    }

    private static List<String> inJar(URL root) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        // The class loader's own, shared copy of the jar: not closed here.
        JarFile jar = connection.getJarFile();
        String prefix = connection.getEntryName() + "/";
        List<String> files = new ArrayList<>();
        for (JarEntry entry : Collections.list(jar.entries())) {
            String name = entry.getName();
            if (!entry.isDirectory() && name.startsWith(prefix) && isMigrationFile(name.substring(name.lastIndexOf('/') + 1))) {
                files.add(name.substring(prefix.length()));
            }
        }
        return files;
    }

    /** A file the processor reads as a migration: a {@code .sql} file that is not hidden, as it decides. */
    private static boolean isMigrationFile(String fileName) {
        return fileName.endsWith(".sql") && !fileName.startsWith(".");
    }
}
