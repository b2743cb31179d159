package dev.cairn.spring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * An application class loader whose {@code META-INF/services/dev.cairn.runtime.MigrationSource}
 * lists the given registries instead of the test classes' own, as a class path with other jars would.
 */
final class ServiceFiles extends ClassLoader {

    private static final String SERVICES = "META-INF/services/dev.cairn.runtime.MigrationSource";

    private final URL services;

    private ServiceFiles(URL services) {
        super(ServiceFiles.class.getClassLoader());
        this.services = services;
    }

    /** A class loader that lists exactly {@code registries}, none when empty. */
    static ClassLoader listing(Path directory, String... registries) {
        try {
            Path file = directory.resolve("MigrationSource");
            Files.writeString(file, String.join("\n", registries) + "\n");
            return new ServiceFiles(file.toUri().toURL());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (!name.equals(SERVICES)) {
            return super.getResources(name);
        }
        return Collections.enumeration(new ArrayList<>(List.of(services)));
    }
}
