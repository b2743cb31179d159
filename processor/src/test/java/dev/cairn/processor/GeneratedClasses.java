package dev.cairn.processor;

import com.google.testing.compile.Compilation;
import dev.cairn.runtime.MigrationSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.tools.JavaFileObject;

/** Loads the classes a compilation produced, so tests can run the generated registry. */
final class GeneratedClasses extends ClassLoader {

    private final Map<String, JavaFileObject> classFiles = new TreeMap<>();
    private final Optional<Path> resources;

    GeneratedClasses(Compilation compilation) {
        this(compilation, Optional.empty());
    }

    /** Loads the compilation's classes and, as a build would copy them to the classpath, the resources below {@code resources}. */
    GeneratedClasses(Compilation compilation, Path resources) {
        this(compilation, Optional.of(resources));
    }

    private GeneratedClasses(Compilation compilation, Optional<Path> resources) {
        super(GeneratedClasses.class.getClassLoader());
        this.resources = resources;
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                // "/CLASS_OUTPUT/com/example/Foo$Bar.class" -> "com.example.Foo$Bar"
                String path = file.toUri().getPath();
                String name = path.substring("/CLASS_OUTPUT/".length(), path.length() - ".class".length());
                classFiles.put(name.replace('/', '.'), file);
            }
        }
    }

    /** A new instance of the generated registry. */
    MigrationSource registry(String qualifiedName) {
        try {
            return (MigrationSource) load(qualifiedName).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot instantiate " + qualifiedName, e);
        }
    }

    /** A class of the compilation, by binary name. */
    Class<?> load(String binaryName) {
        try {
            return loadClass(binaryName);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no class " + binaryName + " among " + classFiles.keySet(), e);
        }
    }

    /** The classes of the compilation this loader has loaded so far, by binary name. */
    Set<String> loaded() {
        Set<String> loaded = new TreeSet<>();
        for (String name : classFiles.keySet()) {
            if (findLoadedClass(name) != null) {
                loaded.add(name);
            }
        }
        return loaded;
    }

    /** The binary names of every class the compilation produced. */
    Set<String> names() {
        return classFiles.keySet();
    }

    /** A class and its nested classes, by binary name. */
    Set<String> nestOf(String binaryName) {
        Set<String> nest = new TreeSet<>();
        for (String name : classFiles.keySet()) {
            if (name.equals(binaryName) || name.startsWith(binaryName + "$")) {
                nest.add(name);
            }
        }
        return nest;
    }

    /** The bytes of a class's class file and of the files of its nested classes, together. */
    long classFileBytes(String binaryName) {
        return nestOf(binaryName).stream().mapToLong(name -> bytes(classFiles.get(name)).length).sum();
    }

    /**
     * Whether a class file holds {@code name} in its constant pool, such as {@code "<clinit>"}
     * for a static initializer. ASCII names are stored as they are, so a plain search finds them.
     */
    boolean classFileNames(String binaryName, String name) {
        return new String(bytes(classFiles.get(binaryName)), StandardCharsets.ISO_8859_1).contains(name);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        JavaFileObject file = classFiles.get(name);
        if (file == null) {
            throw new ClassNotFoundException(name);
        }
        byte[] bytes = bytes(file);
        return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    protected URL findResource(String name) {
        Optional<Path> file = resources.map(root -> root.resolve(name)).filter(Files::isRegularFile);
        try {
            return file.isPresent() ? file.get().toUri().toURL() : null;
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JavaFileObject file) {
        try (InputStream in = file.openInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
