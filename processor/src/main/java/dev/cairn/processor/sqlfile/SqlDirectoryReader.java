package dev.cairn.processor.sqlfile;

import com.sun.source.util.Trees;
import dev.cairn.MigrationVersion;
import dev.cairn.SqlMigrations;
import dev.cairn.processor.model.Locus;
import dev.cairn.processor.model.MigrationModel;
import dev.cairn.processor.model.MigrationModel.Dependency;
import dev.cairn.processor.model.RepeatableModel;
import dev.cairn.processor.model.SqlFile;
import dev.cairn.processor.model.SqlScript;
import dev.cairn.processor.report.Message;
import dev.cairn.processor.report.ValidationReport;
import dev.cairn.runtime.internal.sql.SqlChecksum;
import dev.cairn.runtime.internal.sql.SqlFlavor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.util.Elements;

/**
 * Reads an {@code @SqlMigrations} directory, and its subdirectories as Flyway does, into
 * migrations: each {@code V} file a versioned migration with its {@code U} file as undo, each
 * {@code R} file a repeatable one. Without a {@code dependsOn} in its header, a {@code V} file
 * depends on the previous version of the directory (a Flyway directory is one line of versions).
 * A {@code V} file is reversible when it has an undo file, unless its header says otherwise.
 * Problems with names, files and headers are reported on their file and line.
 */
public final class SqlDirectoryReader {

    private final SqlDirectoryLocator locator;
    private final ValidationReport report;

    /** A file of the directory whose name was read. */
    private record Named(FlywayName name, SqlFile file) {
    }

    private SqlDirectoryReader(SqlDirectoryLocator locator, ValidationReport report) {
        this.locator = locator;
        this.report = report;
    }

    /**
     * A reader that reports to {@code report}.
     *
     * @param trees javac's trees, through which the annotated source file is found
     * @param resourcesOption the directory {@code -Acairn.resources} names, already checked
     */
    public static SqlDirectoryReader create(Elements elements, Optional<Trees> trees, Optional<Path> resourcesOption,
                                            ValidationReport report) {
        return new SqlDirectoryReader(new SqlDirectoryLocator(elements, trees, resourcesOption), report);
    }

    /** Reads the directory; empty after reporting when there is no directory to read. */
    public Optional<SqlMigrationSet> read(SqlAnnotation annotation) {
        if (!annotation.locationIsValid()) {
            report.reportAt(Message.SQL_LOCATION_INVALID, annotation.element(), annotation.mirror(),
                    annotation.locationLocus(), annotation.location(), annotation.elementName());
            return Optional.empty();
        }
        Optional<Path> directory = locator.locate(annotation, report);
        if (directory.isEmpty()) {
            return Optional.empty();
        }
        List<Named> files = new ArrayList<>();
        boolean anySqlFile = files(annotation, directory.get(), files);
        if (files.isEmpty()) {
            if (!anySqlFile) { // else each file's problem is reported already
                report.reportAt(Message.SQL_DIRECTORY_EMPTY, annotation.element(), annotation.mirror(),
                        annotation.locationLocus(), annotation.location(), annotation.elementName(), directory.get());
            }
            return Optional.empty();
        }
        SqlFlavor flavor = flavorOf(annotation.database());
        Map<FlywayName.Kind, List<Named>> byKind = files.stream().collect(Collectors.groupingBy(named -> named.name().kind()));
        Map<MigrationVersion, Named> undos = undos(annotation, byKind.getOrDefault(FlywayName.Kind.UNDO, List.of()), flavor);
        List<Named> versioned = new ArrayList<>(byKind.getOrDefault(FlywayName.Kind.VERSIONED, List.of()));
        // Version order, the files whose version is invalid (reported by the graph's checks) last.
        versioned.sort(Comparator.comparing((Named named) -> versionOf(named).isEmpty())
                .thenComparing(named -> versionOf(named).orElse(null), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(named -> named.file().resource()));
        checkUndosHaveMigrations(annotation, undos, versioned);
        List<MigrationModel> migrations = new ArrayList<>();
        Optional<Named> previous = Optional.empty();
        for (Named named : versioned) {
            Optional<MigrationVersion> version = versionOf(named);
            migrations.add(migration(annotation, named, previous, version.map(undos::get), flavor));
            if (version.isPresent()) {
                previous = Optional.of(named);
            }
        }
        return Optional.of(new SqlMigrationSet(annotation, migrations,
                repeatables(annotation, byKind.getOrDefault(FlywayName.Kind.REPEATABLE, List.of()), flavor)));
    }

    private static Optional<MigrationVersion> versionOf(Named named) {
        return MigrationVersion.tryParse(named.name().versionText());
    }

    /** How the files of {@code database} are read. */
    public static SqlFlavor flavorOf(SqlMigrations.Database database) {
        return switch (database) {
            case POSTGRESQL -> SqlFlavor.POSTGRESQL;
            case SQLITE -> SqlFlavor.SQLITE;
        };
    }

    /**
     * Adds the directory's migration files to {@code files}, in path order; others are reported
     * or, if hidden, left out. Returns whether there was any {@code .sql} file, readable or not.
     */
    private boolean files(SqlAnnotation annotation, Path directory, List<Named> files) {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(directory)) {
            paths = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            report.reportAt(Message.SQL_FILE_UNREADABLE, annotation.element(), annotation.mirror(),
                    annotation.locationLocus(), directory, e.getMessage());
            return true;
        }
        boolean anySqlFile = false;
        for (Path path : paths) {
            String relative = directory.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
            String resource = annotation.location() + "/" + relative;
            String fileName = path.getFileName().toString();
            Locus firstLine = Locus.inFile(resource, 1, annotation.locationValue());
            if (fileName.startsWith(".")) {
                continue; // .gitkeep, editors' files: never meant as migrations
            }
            if (!fileName.endsWith(FlywayName.SUFFIX)) {
                report.reportAt(Message.SQL_FILE_IGNORED, annotation.element(), annotation.mirror(),
                        new Locus(annotation.locationValue(), ""), resource);
                continue;
            }
            anySqlFile = true;
            FlywayName.Result name = FlywayName.parse(fileName);
            if (name.name().isEmpty()) {
                report.reportAt(Message.SQL_FILE_NAME, annotation.element(), annotation.mirror(), firstLine,
                        fileName, name.problem());
                continue;
            }
            text(annotation, path, firstLine, resource).ifPresent(text -> files.add(new Named(name.name().get(),
                    new SqlFile(resource, text, SqlChecksum.of(text), annotation.locationValue()))));
        }
        return anySqlFile;
    }

    private Optional<String> text(SqlAnnotation annotation, Path path, Locus locus, String resource) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString());
        } catch (CharacterCodingException e) {
            report.reportAt(Message.SQL_FILE_UNREADABLE, annotation.element(), annotation.mirror(), locus, resource,
                    "it is not UTF-8 text");
        } catch (IOException e) {
            report.reportAt(Message.SQL_FILE_UNREADABLE, annotation.element(), annotation.mirror(), locus, resource,
                    e.toString());
        }
        return Optional.empty();
    }

    /** The undo files by version; one that repeats a version is reported, as is a bad name or header. */
    private Map<MigrationVersion, Named> undos(SqlAnnotation annotation, List<Named> files, SqlFlavor flavor) {
        Map<MigrationVersion, Named> undos = new HashMap<>();
        for (Named named : files) {
            reportProblems(annotation, named.file(), SqlDirectives.read(named.file().text(), flavor, false));
            Optional<MigrationVersion> version = versionOf(named);
            if (version.isEmpty()) {
                report.reportAt(Message.SQL_FILE_NAME, annotation.element(), annotation.mirror(), named.file().line(1),
                        fileName(named), "\"" + named.name().versionText() + "\" is not a version: "
                                + MigrationVersion.problem(named.name().versionText()));
                continue;
            }
            Named earlier = undos.putIfAbsent(version.get(), named);
            if (earlier != null) {
                report.reportAt(Message.DUPLICATE_UNDO, annotation.element(), annotation.mirror(), named.file().line(1),
                        earlier.file().resource(), named.file().resource(), named.name().versionText());
            }
        }
        return undos;
    }

    private void checkUndosHaveMigrations(SqlAnnotation annotation, Map<MigrationVersion, Named> undos, List<Named> versioned) {
        Set<MigrationVersion> versions = versioned.stream().map(SqlDirectoryReader::versionOf)
                .flatMap(Optional::stream).collect(Collectors.toSet());
        undos.entrySet().stream()
                .filter(entry -> !versions.contains(entry.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> report.reportAt(Message.UNDO_WITHOUT_MIGRATION, annotation.element(), annotation.mirror(),
                        entry.getValue().file().line(1), entry.getValue().file().resource(),
                        entry.getValue().name().versionText(), entry.getValue().name().versionText()));
    }

    private MigrationModel migration(SqlAnnotation annotation, Named named, Optional<Named> previous,
                                     Optional<Named> undo, SqlFlavor flavor) {
        SqlFile file = named.file();
        SqlDirectives directives = SqlDirectives.read(file.text(), flavor, true);
        reportProblems(annotation, file, directives);
        List<Dependency> dependencies = directives.dependsOn()
                .map(entries -> entries.stream().map(entry -> dependency(entry.text(), file.line(entry.line()))).toList())
                .orElseGet(() -> previous.map(p -> List.of(dependency(p.name().versionText(), file.line(1)))).orElse(List.of()));
        Optional<SqlFile> undoFile = undo.map(Named::file);
        boolean reversible = directives.reversible().map(SqlDirectives.Setting::value).orElse(undoFile.isPresent());
        Locus reversibleLocus = file.line(directives.reversible().map(SqlDirectives.Setting::line).orElse(1));
        return new MigrationModel(annotation.element(), annotation.mirror(), file.resource(), named.name().versionText(),
                MigrationVersion.tryParse(named.name().versionText()), file.line(1), named.name().description(),
                dependencies, reversible, reversibleLocus,
                directives.transactional().map(SqlDirectives.Setting::value).orElse(true),
                undoFile.isPresent(),
                directives.allowed().stream().map(key -> MigrationModel.ALL_WARNINGS + "." + key).collect(Collectors.toSet()),
                file.checksum(), Optional.of(new SqlScript(file, undoFile)));
    }

    private static Dependency dependency(String text, Locus locus) {
        return new Dependency(text, MigrationVersion.tryParse(text), locus);
    }

    private List<RepeatableModel> repeatables(SqlAnnotation annotation, List<Named> files, SqlFlavor flavor) {
        TreeMap<String, RepeatableModel> byName = new TreeMap<>();
        for (Named named : files) {
            reportProblems(annotation, named.file(), SqlDirectives.read(named.file().text(), flavor, false));
            RepeatableModel repeatable = new RepeatableModel(annotation.element(), annotation.mirror(), named.name().name(),
                    named.name().description(), named.file());
            RepeatableModel earlier = byName.putIfAbsent(repeatable.name(), repeatable);
            if (earlier != null) {
                report.reportAt(Message.DUPLICATE_REPEATABLE, annotation.element(), annotation.mirror(), named.file().line(1),
                        earlier.file().resource(), named.file().resource(), repeatable.name());
            }
        }
        return List.copyOf(byName.values());
    }

    private void reportProblems(SqlAnnotation annotation, SqlFile file, SqlDirectives directives) {
        directives.problems().forEach(problem -> report.reportAt(Message.SQL_HEADER, annotation.element(),
                annotation.mirror(), file.line(problem.line()), problem.text()));
    }

    private static String fileName(Named named) {
        String resource = named.file().resource();
        return resource.substring(resource.lastIndexOf('/') + 1);
    }
}
