package dev.cairn.processor.sqlfile;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.cairn.processor.report.Message;
import dev.cairn.processor.report.ValidationReport;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.util.Elements;

/**
 * Finds the directory an {@code @SqlMigrations} annotation names. The files are resources, copied
 * to the classpath by the build, so the directory is looked for in the module's resources
 * directory: the one given by {@code -Acairn.resources}, or else the {@code resources} directory
 * next to the source root of the annotated file. For
 * {@code /m/src/main/java/com/example/db/package-info.java} in package {@code com.example.db},
 * the source root is {@code /m/src/main/java} and the resources are {@code /m/src/main/resources},
 * as Maven and Gradle lay out a module; that holds wherever the build was started from, since
 * the compiler knows each source file by its absolute path.
 */
final class SqlDirectoryLocator {

    private final Elements elements;
    private final Optional<Trees> trees;
    private final Optional<Path> resourcesOption;

    /**
     * @param resourcesOption the value of {@code -Acairn.resources}, already checked to be a directory
     */
    SqlDirectoryLocator(Elements elements, Optional<Trees> trees, Optional<Path> resourcesOption) {
        this.elements = elements;
        this.trees = trees;
        this.resourcesOption = resourcesOption;
    }

    /**
     * The directory of {@code location} for the annotated element, or empty after reporting why
     * there is none.
     */
    Optional<Path> locate(SqlAnnotation annotation, ValidationReport report) {
        Element element = annotation.element();
        AnnotationMirror mirror = annotation.mirror();
        String where = annotation.elementName();
        Optional<Path> resources = resourcesOption.isPresent() ? resourcesOption : moduleResources(annotation, report);
        if (resources.isEmpty()) {
            return Optional.empty();
        }
        Path directory = resources.get().resolve(annotation.location());
        if (!Files.isDirectory(directory)) {
            report.reportAt(Message.SQL_DIRECTORY_NOT_FOUND, element, mirror, annotation.locationLocus(),
                    annotation.location(), where, directory);
            return Optional.empty();
        }
        return Optional.of(directory);
    }

    /** The resources directory next to the annotated file's source root. */
    private Optional<Path> moduleResources(SqlAnnotation annotation, ValidationReport report) {
        Optional<URI> source = sourceFile(annotation.element());
        if (source.isEmpty() || !"file".equals(source.get().getScheme())) {
            report.reportAt(Message.SQL_RESOURCES_UNKNOWN, annotation.element(), annotation.mirror(),
                    annotation.locationLocus(), annotation.location(), annotation.elementName(),
                    source.map(uri -> "its source " + uri + " is not a file").orElse("the compiler does not say which"
                            + " file declares it"));
            return Optional.empty();
        }
        Path file = Path.of(source.get()).toAbsolutePath();
        PackageElement pkg = elements.getPackageOf(annotation.element());
        Path root = file.getParent();
        String packageName = pkg.getQualifiedName().toString();
        if (!packageName.isEmpty()) {
            String[] segments = packageName.split("\\.");
            for (int i = segments.length - 1; i >= 0 && root != null; i--) {
                if (root.getFileName() == null || !root.getFileName().toString().equals(segments[i])) {
                    root = null;
                } else {
                    root = root.getParent();
                }
            }
        }
        if (root == null || root.getParent() == null) {
            report.reportAt(Message.SQL_RESOURCES_UNKNOWN, annotation.element(), annotation.mirror(),
                    annotation.locationLocus(), annotation.location(), annotation.elementName(),
                    "its source " + file + " is not in a directory tree named after package " + packageName);
            return Optional.empty();
        }
        return Optional.of(root.resolveSibling("resources"));
    }

    private Optional<URI> sourceFile(Element element) {
        if (trees.isEmpty()) {
            return Optional.empty();
        }
        TreePath path;
        try {
            path = trees.get().getPath(element);
        } catch (RuntimeException foreignElement) {
            // A build tool that wraps elements hands javac's trees objects it does not know.
            return Optional.empty();
        }
        return Optional.ofNullable(path).map(p -> p.getCompilationUnit().getSourceFile().toUri());
    }
}
