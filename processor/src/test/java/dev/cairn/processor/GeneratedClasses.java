package dev.cairn.processor;

import com.google.testing.compile.Compilation;
import dev.cairn.runtime.MigrationSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/** Loads the classes a compilation produced, so tests can run the generated registry. */
final class GeneratedClasses extends ClassLoader {

    private final Map<String, JavaFileObject> classFiles = new HashMap<>();

    GeneratedClasses(Compilation compilation) {
        super(GeneratedClasses.class.getClassLoader());
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
            return (MigrationSource) loadClass(qualifiedName).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot instantiate " + qualifiedName, e);
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        JavaFileObject file = classFiles.get(name);
        if (file == null) {
            throw new ClassNotFoundException(name);
        }
        try (InputStream in = file.openInputStream()) {
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
