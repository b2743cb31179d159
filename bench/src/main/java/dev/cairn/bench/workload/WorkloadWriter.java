package dev.cairn.bench.workload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Writes the sources and resources of a workload: the same N statements in each tool's form. */
final class WorkloadWriter {

    private final Workload workload;

    WorkloadWriter(Workload workload) {
        this.workload = workload;
    }

    void writeAll() throws IOException {
        for (int v = 1; v <= workload.size(); v++) {
            writeJavaMigration(v);
            write("cairn-sql/resources/db/sqlfiles/V" + v + "__create_" + Workload.table(v) + ".sql", Workload.statement(v) + ";\n");
            write("flyway/db/flyway/V" + v + "__create_" + Workload.table(v) + ".sql", Workload.statement(v) + ";\n");
        }
        write("cairn-sql/src/bench/sqlfiles/package-info.java", """
                /** The bench's SQL-file migrations. */
                @SqlMigrations(value = "db/sqlfiles", database = SqlMigrations.Database.SQLITE)
                package bench.sqlfiles;

                import dev.cairn.SqlMigrations;
                """);
        write("liquibase/db/liquibase/changelog.sql", "--liquibase formatted sql\n\n" + IntStream.rangeClosed(1, workload.size())
                .mapToObj(v -> "--changeset bench:" + v + "\n" + Workload.statement(v) + ";\n")
                .collect(Collectors.joining("\n")));
        write("floor/db/floor/statements.sql", IntStream.rangeClosed(1, workload.size())
                .mapToObj(Workload::statement).collect(Collectors.joining("\n", "", "\n")));
    }

    private void writeJavaMigration(int v) throws IOException {
        String name = String.format("V%05d", v);
        write("cairn-java/src/bench/migrations/" + name + ".java", """
                package bench.migrations;

                import dev.cairn.Migration;
                import dev.cairn.runtime.JavaMigration;
                import dev.cairn.runtime.MigrationContext;

                @Migration(version = "%d"%s, description = "Create %s")
                public final class %s implements JavaMigration {
                    @Override
                    public void up(MigrationContext db) throws Exception {
                        db.execute("%s");
                    }

                    @Override
                    public void down(MigrationContext db) throws Exception {
                        db.execute("DROP TABLE %s");
                    }
                }
                """.formatted(v, v == 1 ? "" : ", dependsOn = \"" + (v - 1) + "\"", Workload.table(v), name,
                Workload.statement(v), Workload.table(v)));
    }

    private void write(String relative, String text) throws IOException {
        Path file = workload.directory().resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
