package dev.cairn.processor.sqlfile;

import dev.cairn.processor.collect.JavacTrees;
import dev.cairn.processor.report.Finding;
import dev.cairn.processor.report.Message;
import dev.cairn.processor.report.ValidationReport;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Reads the compilation's SQL migration directory. A compilation has at most one: like a Flyway
 * directory, it is one line of versions, and a second {@code @SqlMigrations} is an error on each
 * extra annotation (in name order of the annotated elements, the first is read).
 */
public final class SqlSets {

    private final ProcessingEnvironment env;
    private final Optional<String> resourcesOption;
    private final ValidationReport report;

    /**
     * @param resourcesOption the value of {@code -Acairn.resources}, if given
     */
    public SqlSets(ProcessingEnvironment env, Optional<String> resourcesOption, ValidationReport report) {
        this.env = env;
        this.resourcesOption = resourcesOption;
        this.report = report;
    }

    /**
     * Reads the directory of the one annotation there should be.
     *
     * @return the migrations, or empty when there is no annotation or after reporting why the
     *     directory cannot be read
     */
    public Optional<SqlMigrationSet> read(List<SqlAnnotation> annotations) {
        if (annotations.isEmpty()) {
            return Optional.empty();
        }
        List<SqlAnnotation> ordered = annotations.stream().sorted(Comparator.comparing(SqlAnnotation::elementName)).toList();
        SqlAnnotation first = ordered.get(0);
        ordered.subList(1, ordered.size()).forEach(other -> report.reportAt(Message.SEVERAL_SQL_DIRECTORIES,
                other.element(), other.mirror(), other.locationLocus(), other.elementName(), first.elementName()));
        if (ordered.size() > 1) {
            return Optional.empty();
        }
        Optional<Path> resources = Optional.empty();
        if (resourcesOption.isPresent()) {
            resources = directory(resourcesOption.get());
            if (resources.isEmpty()) {
                report.report(Finding.global(Message.INVALID_RESOURCES_OPTION, resourcesOption.get()));
                return Optional.empty();
            }
        }
        return SqlDirectoryReader.create(env.getElementUtils(), JavacTrees.of(env), resources, report).read(first);
    }

    private static Optional<Path> directory(String option) {
        try {
            Path path = Path.of(option).toAbsolutePath();
            return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
