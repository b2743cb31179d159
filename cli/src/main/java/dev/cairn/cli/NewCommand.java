package dev.cairn.cli;

import dev.cairn.MigrationVersion;
import dev.cairn.runtime.MigrationDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cairn new}: writes the skeleton of the next migration, a Java class or Flyway-named SQL
 * files, with the next version and the current heads as its {@code dependsOn} (so that a new
 * migration merges any open branches). Its steps fail until they are written: a forgotten
 * skeleton never records a migration that did nothing.
 */
@Command(name = "new", description = {"Write the skeleton of a new migration with the next version, depending on the current"
        + " heads: a Java class (default) or, with --sql, V<version>__<description>.sql and its undo U<version>__<description>.sql."})
final class NewCommand extends Verb {

    @Parameters(paramLabel = "DESCRIPTION", arity = "1..*", description = "What the migration does, such as: Add owner to runs.")
    List<String> words;

    @Option(names = "--sql", description = "Write SQL files instead of a Java class.")
    boolean sql;

    @Option(names = "--version", paramLabel = "VERSION", description = "The version (default: one more than the highest"
            + " version's first number).")
    String version;

    @Option(names = "--dir", paramLabel = "FOLDER", description = "The source folder: default src/main/java, or with --sql"
            + " src/main/resources/db/migration.")
    Path folder;

    @Option(names = "--package", paramLabel = "NAME", description = "The Java package (default: the registry's).")
    String packageName;

    @Override
    int run() {
        String description = String.join(" ", words).trim();
        List<MigrationDescriptor> heads = graph().heads();
        MigrationVersion next = version != null ? version("--version", version) : next(graph().migrations());
        if (graph().find(next).isPresent()) {
            throw CliException.usage("VERSION_TAKEN", "--version " + next + " is taken by migration " + graph().find(next).get()
                    .displayName() + ". Choose another version, or leave --version out for the next free one.");
        }
        List<String> dependsOn = heads.stream().map(m -> m.version().toString()).toList();
        List<Path> written = sql ? writeSql(next, description, dependsOn) : List.of(writeJava(next, description, dependsOn));
        output().success("Wrote migration " + next + " \"" + description + "\", depending on "
                + (dependsOn.isEmpty() ? "nothing" : String.join(", ", dependsOn)) + ":\n  "
                + written.stream().map(Path::toString).collect(Collectors.joining("\n  "))
                + (sql ? "\nThe processor reads them where a package-info.java or a class says"
                        + " @SqlMigrations(value = \"db/migration\", database = ...)." : ""));
        Map<String, Object> json = Json.document(name(), ExitCode.OK);
        json.put("version", next.toString());
        json.put("description", description);
        json.put("dependsOn", dependsOn);
        json.put("files", written.stream().map(Path::toString).toList());
        output().json(json);
        return ExitCode.OK;
    }

    /** One more than the first number of the highest version: after 4.1 and 7, 8. */
    static MigrationVersion next(List<MigrationDescriptor> migrations) {
        long highest = migrations.stream().map(MigrationDescriptor::version).max(Comparator.naturalOrder())
                .map(v -> Long.parseLong(v.toString().split("\\.")[0])).orElse(0L);
        return MigrationVersion.parse(Long.toString(highest + 1));
    }

    private Path writeJava(MigrationVersion next, String description, List<String> dependsOn) {
        String registry = source().getClass().getName();
        String pkg = packageName != null ? packageName : registry.substring(0, Math.max(0, registry.lastIndexOf('.')));
        String className = className(description);
        Path directory = (folder != null ? folder : Path.of("src", "main", "java")).resolve(pkg.replace('.', '/'));
        String place = "migration " + next + " \"" + description + "\" in " + className;
        String text = (pkg.isEmpty() ? "" : "package " + pkg + ";\n\n")
                + "import dev.cairn.Migration;\nimport dev.cairn.runtime.JavaMigration;\nimport dev.cairn.runtime.MigrationContext;\n\n"
                + "@Migration(version = \"" + next + "\"" + dependsOnAttribute(dependsOn) + ", description = \"" + javaString(description) + "\")\n"
                + "final class " + className + " implements JavaMigration {\n"
                + "    @Override\n    public void up(MigrationContext db) throws Exception {\n"
                + "        // The change, such as db.execute(\"ALTER TABLE ... ADD COLUMN ...\");\n"
                + "        throw new UnsupportedOperationException(\"Write up() of " + javaString(place) + "\");\n    }\n\n"
                + "    @Override\n    public void down(MigrationContext db) throws Exception {\n"
                + "        // What undoes up(), such as db.execute(\"ALTER TABLE ... DROP COLUMN ...\");\n"
                + "        throw new UnsupportedOperationException(\"Write down() of " + javaString(place) + "\");\n    }\n}\n";
        return write(directory.resolve(className + ".java"), text);
    }

    private List<Path> writeSql(MigrationVersion next, String description, List<String> dependsOn) {
        Path directory = folder != null ? folder : Path.of("src", "main", "resources", "db", "migration");
        String name = next + "__" + description.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "") + ".sql";
        List<Path> files = new ArrayList<>();
        files.add(write(directory.resolve("V" + name), "-- cairn: dependsOn=" + String.join(", ", dependsOn) + "\n"
                + "-- Migration " + next + ": " + description + ". Write its statements below, each ending in ;\n"));
        files.add(write(directory.resolve("U" + name), "-- Undoes migration " + next + ": " + description
                + ". Write the statements that undo V" + name + " below.\n"));
        return files;
    }

    private static Path write(Path file, String text) {
        if (Files.exists(file)) {
            throw CliException.usage("FILE_EXISTS", file + " exists already: nothing was written. Choose another description or"
                    + " --version, or move the file away.");
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw CliException.failure("CANNOT_WRITE", "Cannot write " + file.toAbsolutePath() + ": " + e + ".");
        }
    }

    /** "Add owner to runs" becomes AddOwnerToRuns. */
    static String className(String description) {
        StringBuilder name = new StringBuilder();
        for (String word : description.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        if (name.length() == 0 || !Character.isJavaIdentifierStart(name.charAt(0))) {
            name.insert(0, "Migration");
        }
        return name.toString();
    }

    private static String dependsOnAttribute(List<String> dependsOn) {
        return switch (dependsOn.size()) {
            case 0 -> "";
            case 1 -> ", dependsOn = \"" + dependsOn.get(0) + "\"";
            default -> ", dependsOn = {" + dependsOn.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ")) + "}";
        };
    }

    private static String javaString(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
