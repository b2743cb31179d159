package dev.cairn.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.cairn.processor.report.Message;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationReport;
import dev.cairn.runtime.MigrationSource;
import dev.cairn.runtime.Migrator;
import dev.cairn.runtime.RepeatableMigration;
import dev.cairn.runtime.internal.sql.SqlChecksum;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sound sets of SQL-file migrations, read from a module's resources into one graph with the
 * migration classes: the registry they generate (a golden file), what it describes, and that it
 * runs on the real runtime against SQLite, the files loaded from the classpath.
 *
 * <p>{@code sql/good/mixed}: {@code V1} with its undo file, {@code V2_1} (version 2.1) without one,
 * the class {@code 3} depending on 2.1, {@code V4} depending on the class through its header and
 * not transactional, with an undo file, and a repeatable view in a subdirectory.
 */
class SqlMigrationsTest {

    private static final String MIXED = "sql/good/mixed";
    private static final String REGISTRY = "com.example.db.MigrationRegistry";

    @Test
    void mixedSet_compilesWithoutWarnings_underLintAndWerror_notingTheFileThatIsNoMigration() {
        Compilation compilation = Scenario.load(MIXED).compile("-Werror");

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).hadNoteContaining(Message.SQL_FILE_IGNORED.format("db/migration/README.txt"));
    }

    @Test
    void mixedRegistry_matchesTheGoldenSource() {
        Compilation compilation = Scenario.load(MIXED).compile();

        assertThat(compilation).succeeded();
        RegistryGenerationTest.assertMatchesGolden(RegistryGenerationTest.generatedSource(compilation, REGISTRY),
                "expected/sql-mixed/MigrationRegistry.java");
    }

    @Test
    void sqlOnlySet_onPostgresql_inFlywaysDefaultLocation_matchesTheGoldenSource() {
        Compilation compilation = Scenario.load("sql/good/only").compile("-Werror");

        assertThat(compilation).succeededWithoutWarnings();
        RegistryGenerationTest.assertMatchesGolden(RegistryGenerationTest.generatedSource(compilation,
                "com.example.files.MigrationRegistry"), "expected/sql-only/MigrationRegistry.java");
    }

    @Test
    void filesAndClasses_areOnePlan_describedAsDeclared() throws IOException {
        MigrationSource registry = mixedRegistry();
        List<MigrationDescriptor> plan = registry.migrations();

        assertThat(plan.stream().map(m -> m.version().toString()).toList()).containsExactly("1", "2.1", "3", "4").inOrder();
        assertThat(plan.stream().map(MigrationDescriptor::className).toList()).containsExactly(
                "db/migration/V1__create_users.sql", "db/migration/V2_1__add_email.sql",
                "com.example.db.BackfillEmails", "db/migration/V4__index_emails.sql").inOrder();
        assertThat(plan.stream().map(MigrationDescriptor::description).toList())
                .containsExactly("create users", "add email", "Backfill e-mail addresses", "index emails").inOrder();
        assertThat(plan.stream().map(m -> m.dependsOn().toString()).toList())
                .containsExactly("[]", "[1]", "[2.1]", "[3]").inOrder();
        assertThat(plan.stream().map(MigrationDescriptor::reversible).toList())
                .containsExactly(true, false, true, true).inOrder();
        assertThat(plan.stream().map(MigrationDescriptor::transactional).toList())
                .containsExactly(true, true, true, false).inOrder();
        assertThat(plan.get(0).checksum()).isEqualTo(SqlChecksum.of(resource("db/migration/V1__create_users.sql")));
        List<RepeatableMigration> repeatables = registry.repeatables();
        assertThat(repeatables.stream().map(RepeatableMigration::name).toList()).containsExactly("user_names");
        assertThat(repeatables.get(0).resource()).isEqualTo("db/migration/views/R__user_names.sql");
        assertThat(repeatables.get(0).description()).isEqualTo("user names");
        assertThat(repeatables.get(0).checksum())
                .isEqualTo(SqlChecksum.of(resource("db/migration/views/R__user_names.sql")));
    }

    @Test
    void mixedRegistry_migratesSqlite_loadingTheFilesFromTheClasspath_andRollsBackThroughTheUndoFile(@TempDir Path dir)
            throws SQLException {
        String url = "jdbc:sqlite:" + dir.resolve("mixed.db");
        Migrator migrator = Migrator.configure(mixedRegistry(), url).load();

        MigrationReport report = migrator.migrate();

        assertThat(report.applied().stream().map(m -> m.version().toString()).toList())
                .containsExactly("1", "2.1", "3", "4").inOrder();
        assertThat(schema(url)).containsExactly("index users_email", "table users", "view user_names");
        migrator.rollback("4");
        assertThat(schema(url)).containsExactly("table users", "view user_names");
    }

    private static MigrationSource mixedRegistry() {
        return new GeneratedClasses(Scenario.load(MIXED).compile(), resources(MIXED)).registry(REGISTRY);
    }

    private static Path resources(String scenario) {
        return Scenario.directory(scenario).resolve("src/main/resources");
    }

    private static String resource(String path) throws IOException {
        return Files.readString(resources(MIXED).resolve(path));
    }

    /** The user's tables, indexes and views, as "kind name", in name order. */
    static List<String> schema(String url) throws SQLException {
        List<String> objects = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url);
             ResultSet rows = connection.createStatement().executeQuery("SELECT type, name FROM sqlite_master"
                     + " WHERE name NOT LIKE 'cairn%' AND name NOT LIKE 'sqlite%' ORDER BY name")) {
            while (rows.next()) {
                objects.add(rows.getString(1) + " " + rows.getString(2));
            }
        }
        return objects;
    }
}
