package dev.cairn.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.cairn.MigrationVersion;
import dev.cairn.processor.report.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per diagnostic about SQL-file migrations: its message, the file and line it starts
 * with ({@code db/migration/V3__add_index.sql:2: }), the annotation the compiler points at, and
 * that it is the only error (no cascade). Graph checks apply across classes and files alike.
 */
class SqlDiagnosticsTest {

    private static final String DIR = "db/migration/";
    private static final String ANNOTATION = "@SqlMigrations";
    private static final String USERS = "CREATE TABLE users (id INTEGER PRIMARY KEY);\n";

    @TempDir
    Path root;

    private static String at(String file, int line, Message message, Object... args) {
        return DIR + file + ":" + line + ": " + message.format(args);
    }

    private SqlModule module() {
        return new SqlModule(root);
    }

    @Test
    void unknownDependencyInAHeader_pointsAtItsLine_andSuggestsTheNearestVersion() {
        SqlModule module = module().sql("V1__users.sql", USERS).sql("V2__names.sql", "ALTER TABLE users ADD name TEXT;\n")
                .sql("V3__add_index.sql", "-- Index the names.\n-- cairn: dependsOn=2.2\nCREATE INDEX users_name ON users (name);\n");
        Compilation compilation = module.compile();

        assertThat(compilation).hadErrorContaining(at("V3__add_index.sql", 2, Message.UNKNOWN_DEPENDENCY,
                        "3 (" + DIR + "V3__add_index.sql)", "2.2", " Did you mean 2 (" + DIR + "V2__names.sql)?"))
                .inFile(module.file("package-info")).onLineContaining(ANNOTATION);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aClass_mayDependOnAFile_andAMistypedFileVersionIsSuggested() {
        SqlModule module = module().sql("V1__users.sql", USERS).java("AddNames", """
                @Migration(version = "2", dependsOn = "11")
                final class AddNames implements JavaMigration {
                    @Override
                    public void up(MigrationContext ctx) throws Exception {
                        ctx.execute("ALTER TABLE users ADD name TEXT");
                    }

                    @Override
                    public void down(MigrationContext ctx) throws Exception {
                        ctx.execute("ALTER TABLE users DROP COLUMN name");
                    }
                }
                """);
        Compilation compilation = module.compile();

        assertThat(compilation).hadErrorContaining(Message.UNKNOWN_DEPENDENCY.format("2 (com.example.db.AddNames)", "11",
                        " Did you mean 1 (" + DIR + "V1__users.sql)?"))
                .inFile(module.file("AddNames")).onLineContaining("dependsOn = \"11\"");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void duplicateVersion_ofAClassAndAFile_isReportedOnBoth() {
        SqlModule module = module().sql("V1__users.sql", USERS).sql("V2__names.sql", "ALTER TABLE users ADD name TEXT;\n")
                .java("AlsoTwo", """
                        @Migration(version = "2.0", dependsOn = "1", reversible = false)
                        final class AlsoTwo implements JavaMigration {
                            @Override
                            public void up(MigrationContext ctx) throws Exception {
                                ctx.execute("ALTER TABLE users ADD other TEXT");
                            }
                        }
                        """);
        Compilation compilation = module.compile();

        assertThat(compilation).hadErrorContaining(Message.DUPLICATE_VERSION.format("2.0 (com.example.db.AlsoTwo)",
                        "2 (" + DIR + "V2__names.sql)"))
                .inFile(module.file("AlsoTwo")).onLineContaining("version = \"2.0\"");
        assertThat(compilation).hadErrorContaining(at("V2__names.sql", 1, Message.DUPLICATE_VERSION,
                        "2 (" + DIR + "V2__names.sql)", "2.0 (com.example.db.AlsoTwo)"))
                .inFile(module.file("package-info")).onLineContaining(ANNOTATION);
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void cycleThroughAFileAndAClass_isReportedOnceWithItsPath() {
        SqlModule module = module().sql("V2__names.sql", "-- cairn: dependsOn=3\nCREATE TABLE names (id INTEGER);\n")
                .java("Three", """
                        @Migration(version = "3", dependsOn = "2", reversible = false)
                        final class Three implements JavaMigration {
                            @Override
                            public void up(MigrationContext ctx) throws Exception {
                                ctx.execute("CREATE TABLE threes (id INTEGER)");
                            }
                        }
                        """);
        Compilation compilation = module.compile();

        assertThat(compilation).hadErrorContaining(at("V2__names.sql", 1, Message.DEPENDENCY_CYCLE,
                        "2 (" + DIR + "V2__names.sql)", 2, "2 -> 3 -> 2"))
                .inFile(module.file("package-info")).onLineContaining(ANNOTATION);
        assertThat(compilation).hadErrorContaining(Message.DEPENDENCY_CYCLE_MEMBER.format("3 (com.example.db.Three)",
                        "2 (" + DIR + "V2__names.sql)"))
                .inFile(module.file("Three")).onLineContaining("dependsOn = \"2\"");
        assertThat(compilation).hadErrorCount(2);
    }
    @Test
    void laterDependencyInAHeader_isAWarningOnItsLine_silencedByAllow() {
        SqlModule module = module().sql("V1__users.sql", "-- cairn: dependsOn=2\n" + USERS)
                .sql("V2__base.sql", "-- cairn: dependsOn=\nCREATE TABLE base (id INTEGER);\n");
        Compilation compilation = module.compile();

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining(at("V1__users.sql", 1, Message.LATER_DEPENDENCY,
                        "1 (" + DIR + "V1__users.sql)", "2 (" + DIR + "V2__base.sql)", "2"))
                .inFile(module.file("package-info")).onLineContaining(ANNOTATION);
        assertThat(compilation).hadWarningCount(1);

        module.sql("V1__users.sql", "-- cairn: dependsOn=2\n-- cairn: allow=LaterDependency\n" + USERS);
        assertThat(module.compile()).succeededWithoutWarnings();
    }

    @Test
    void reversibleWithoutUndoFile_isAnErrorNamingTheFileToAdd() {
        SqlModule module = module().sql("V1__users.sql", "-- cairn: transactional=true\n-- cairn: reversible=true\n" + USERS);
        Compilation compilation = module.compile();

        assertThat(compilation).hadErrorContaining(at("V1__users.sql", 2, Message.MISSING_UNDO,
                        "1 (" + DIR + "V1__users.sql)", DIR + "U1__users.sql"))
                .inFile(module.file("package-info")).onLineContaining(ANNOTATION);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void irreversibleWithUndoFile_isAWarning_silencedByAllow() {
        SqlModule module = module().sql("V1__users.sql", "-- cairn: reversible=false\n" + USERS)
                .sql("U1__users.sql", "DROP TABLE users;\n");
        Compilation compilation = module.compile();

        assertThat(compilation).hadWarningContaining(at("V1__users.sql", 1, Message.UNUSED_UNDO,
                        "1 (" + DIR + "V1__users.sql)", DIR + "U1__users.sql"))
                .inFile(module.file("package-info")).onLineContaining(ANNOTATION);
        assertThat(compilation).hadWarningCount(1);

        module.sql("V1__users.sql", "-- cairn: reversible=false\n-- cairn: allow=UnusedRollback\n" + USERS);
        assertThat(module.compile()).succeededWithoutWarnings();
    }

    @Test
    void undoFileWithoutItsMigration_isAnError() {
        SqlModule module = module().sql("V1__users.sql", USERS).sql("U2__names.sql", "DROP TABLE names;\n");
        Compilation compilation = module.compile();

        assertThat(compilation).hadErrorContaining(at("U2__names.sql", 1, Message.UNDO_WITHOUT_MIGRATION,
                        DIR + "U2__names.sql", "2", "2"))
                .inFile(module.file("package-info")).onLineContaining(ANNOTATION);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void twoUndoFilesOfOneVersion_areAnError() {
        SqlModule module = module().sql("V1__users.sql", USERS).sql("U1__users.sql", "DROP TABLE users;\n")
                .sql("U1.0__users_again.sql", "DROP TABLE users;\n");
        Compilation compilation = module.compile();

        assertThat(compilation).hadErrorContaining(at("U1__users.sql", 1, Message.DUPLICATE_UNDO,
                        DIR + "U1.0__users_again.sql", DIR + "U1__users.sql", "1"))
                .inFile(module.file("package-info")).onLineContaining(ANNOTATION);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void twoRepeatablesOfOneName_areAnError() {
        SqlModule module = module().sql("V1__users.sql", USERS).sql("R__views.sql", "SELECT 1;\n")
                .sql("more/R__views.sql", "SELECT 2;\n");
        Compilation compilation = module.compile();

        assertThat(compilation).hadErrorContaining(at("more/R__views.sql", 1, Message.DUPLICATE_REPEATABLE,
                        DIR + "R__views.sql", DIR + "more/R__views.sql", "views"))
                .inFile(module.file("package-info")).onLineContaining(ANNOTATION);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void fileNamesFlywayWouldNotRead_areErrorsSayingWhy() {
        SqlModule module = module().sql("V1__users.sql", USERS).sql("V2_names.sql", "SELECT 1;\n")
                .sql("B3__baseline.sql", "SELECT 1;\n").sql("v4__lower.sql", "SELECT 1;\n").sql("R1__views.sql", "SELECT 1;\n")
                .sql("V5__.sql", "SELECT 1;\n");
        Compilation compilation = module.compile();

        assertThat(compilation).hadErrorContaining(at("V2_names.sql", 1, Message.SQL_FILE_NAME, "V2_names.sql",
                "it has no \"__\" between the version and the description"));
        assertThat(compilation).hadErrorContaining(at("B3__baseline.sql", 1, Message.SQL_FILE_NAME, "B3__baseline.sql",
                "it is a Flyway baseline migration (B<version>__...), which Cairn does not read; baseline the database"
                        + " with cairn baseline instead, and delete the file or rename it V<version>__...sql"));
        assertThat(compilation).hadErrorContaining(at("v4__lower.sql", 1, Message.SQL_FILE_NAME, "v4__lower.sql",
                "its prefix must be the upper-case V"));
        assertThat(compilation).hadErrorContaining(at("R1__views.sql", 1, Message.SQL_FILE_NAME, "R1__views.sql",
                "a repeatable migration has no version: name it R__views.sql"));
        assertThat(compilation).hadErrorContaining(at("V5__.sql", 1, Message.SQL_FILE_NAME, "V5__.sql",
                "nothing follows \"__\": add a description, such as V5__add_users.sql"))
                .inFile(module.file("package-info")).onLineContaining(ANNOTATION);
        assertThat(compilation).hadErrorCount(5);
    }

    @Test
    void aDirectoryWhoseOnlyFileIsMisnamed_getsThatOneError() {
        SqlModule module = module().sql("V1_users.sql", USERS);
        Compilation compilation = module.compile();

        assertThat(compilation).hadErrorContaining(at("V1_users.sql", 1, Message.SQL_FILE_NAME, "V1_users.sql",
                "it has no \"__\" between the version and the description"));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void invalidVersionInAFileName_isReportedOnTheFile() {
        SqlModule module = module().sql("V1.a__users.sql", USERS);
        Compilation compilation = module.compile();

        assertThat(compilation).hadErrorContaining(at("V1.a__users.sql", 1, Message.INVALID_VERSION,
                        DIR + "V1.a__users.sql", "1.a", MigrationVersion.problem("1.a")))
                .inFile(module.file("package-info")).onLineContaining(ANNOTATION);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void headerMistakes_areErrorsOnTheirLines() {
        SqlModule module = module().sql("V1__users.sql", """
                -- Users.
                -- cairn: depends=2
                -- cairn: transactional=no
                -- cairn: allow=CreateIndexNotConcurently
                -- cairn: reversible=false
                -- cairn: reversible=false
                -- cairn: whatever
                CREATE TABLE users (id INTEGER PRIMARY KEY);
                -- cairn: transactional=false
                """).sql("U2__users.sql", "-- cairn: dependsOn=1\nSELECT 1;\n").sql("V2__more.sql", "SELECT 1;\n");
        Compilation compilation = module.compile();

        assertThat(compilation).hadErrorContaining(at("V1__users.sql", 2, Message.SQL_HEADER,
                "Unknown header key \"depends\": the keys are dependsOn, transactional, reversible, allow"));
        assertThat(compilation).hadErrorContaining(at("V1__users.sql", 3, Message.SQL_HEADER,
                "transactional is true or false, not \"no\""));
        assertThat(compilation).hadErrorContaining(at("V1__users.sql", 4, Message.SQL_HEADER,
                "Unknown warning \"CreateIndexNotConcurently\" in allow: the warnings are "
                        + String.join(", ", Message.warningKeys())));
        assertThat(compilation).hadErrorContaining(at("V1__users.sql", 6, Message.SQL_HEADER,
                "reversible is already set on line 5: keep one of them"));
        assertThat(compilation).hadErrorContaining(at("V1__users.sql", 7, Message.SQL_HEADER,
                "\"-- cairn: whatever\" is not a directive: write key=value"));
        assertThat(compilation).hadErrorContaining(at("V1__users.sql", 9, Message.SQL_HEADER,
                "\"-- cairn: transactional=false\" comes after the first statement, where no setting applies: move it"
                        + " up to the comment lines at the top of the file"));
        assertThat(compilation).hadErrorContaining(at("U2__users.sql", 1, Message.SQL_HEADER,
                        "dependsOn is a setting of the migration's V file: an undo or repeatable file takes only allow"))
                .inFile(module.file("package-info")).onLineContaining(ANNOTATION);
        assertThat(compilation).hadErrorCount(7);
    }

    @Test
    void missingDirectory_isAnErrorOnTheAnnotationValue_sayingWhereItWasLookedFor() {
        SqlModule module = module().annotation("@SqlMigrations(value = \"db/none\", database = SqlMigrations.Database.SQLITE)");
        Compilation compilation = module.compile();

        assertThat(compilation).hadErrorContaining(Message.SQL_DIRECTORY_NOT_FOUND.format("db/none",
                        "package com.example.db", module.resources().resolve("db/none")))
                .inFile(module.file("package-info")).onLineContaining("db/none");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void directoryWithoutMigrationFiles_isAnError() throws Exception {
        SqlModule module = module().sql("README.md", "nothing yet\n");
        Compilation compilation = module.compile();

        assertThat(compilation).hadErrorContaining(Message.SQL_DIRECTORY_EMPTY.format("db/migration",
                        "package com.example.db", module.resources().resolve("db/migration")))
                .inFile(module.file("package-info")).onLineContaining("db/migration");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aFlywayStyleClasspathLocation_isTheSameDirectory() {
        SqlModule module = module().sql("V1__users.sql", USERS)
                .annotation("@SqlMigrations(value = \"classpath:db/migration/\", database = SqlMigrations.Database.SQLITE)");
        Compilation compilation = module.compile("-Werror");

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(RegistryGenerationTest.generatedSource(compilation, SqlModule.PACKAGE + ".MigrationRegistry"))
                .contains("MigrationDescriptor.builder(\"1\", \"db/migration/V1__users.sql\")");
    }

    @Test
    void locationThatIsNoClasspathPath_isAnError() {
        SqlModule module = module().annotation("@SqlMigrations(value = \"../db\", database = SqlMigrations.Database.SQLITE)");
        Compilation compilation = module.compile();

        assertThat(compilation).hadErrorContaining(Message.SQL_LOCATION_INVALID.format("../db", "package com.example.db"))
                .inFile(module.file("package-info")).onLineContaining("../db");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void resourcesOption_findsADirectoryOutsideTheModuleLayout_andAWrongOneIsAnError() throws Exception {
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere/db/migration"));
        Files.writeString(elsewhere.resolve("V1__users.sql"), USERS);
        SqlModule module = module();

        assertThat(module.compile("-Acairn.resources=" + root.resolve("elsewhere"))).succeededWithoutWarnings();
        Compilation missing = module.compile("-Acairn.resources=" + root.resolve("nowhere"));
        assertThat(missing).hadErrorContaining(Message.INVALID_RESOURCES_OPTION.format(root.resolve("nowhere")));
        assertThat(missing).hadErrorCount(1);
    }

    @Test
    void withoutSourceTrees_theDirectoryIsUnknown_unlessTheResourcesOptionNamesIt() {
        SqlModule module = module().sql("V1__users.sql", USERS);
        Compilation compilation = module.compileWith(WrappedEnvironments.opaque());

        assertThat(compilation).hadErrorContaining(Message.SQL_RESOURCES_UNKNOWN.format("db/migration",
                        "package com.example.db", "the compiler does not say which file declares it"))
                .inFile(module.file("package-info")).onLineContaining("db/migration");
        assertThat(compilation).hadErrorCount(1);
        assertThat(module.compileWith(WrappedEnvironments.opaque(), "-Acairn.resources=" + module.resources()))
                .succeeded();
    }

    @Test
    void underABuildToolThatWrapsTheEnvironment_theDirectoryIsStillFound() {
        assertThat(module().sql("V1__users.sql", USERS).compileWith(WrappedEnvironments.gradleLike(), "-Werror"))
                .succeededWithoutWarnings();
    }

    @Test
    void aClassThatDependsOnAnUnreadableDirectory_getsNoErrorOfItsOwn() {
        SqlModule module = module().annotation("@SqlMigrations(value = \"db/none\", database = SqlMigrations.Database.SQLITE)")
                .java("AddNames", """
                        @Migration(version = "2", dependsOn = "1", reversible = false)
                        final class AddNames implements JavaMigration {
                            @Override
                            public void up(MigrationContext ctx) throws Exception {
                                ctx.execute("ALTER TABLE users ADD name TEXT");
                            }
                        }
                        """);
        Compilation compilation = module.compile();

        assertThat(compilation).hadErrorContaining(Message.SQL_DIRECTORY_NOT_FOUND.key());
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void twoAnnotations_areRefusedOnTheSecond() {
        SqlModule module = module().sql("V1__users.sql", USERS).java("Other", """
                @dev.cairn.SqlMigrations(value = "db/other", database = dev.cairn.SqlMigrations.Database.SQLITE)
                final class Other {
                }
                """);
        Compilation compilation = module.compile();

        assertThat(compilation).hadErrorContaining(Message.SEVERAL_SQL_DIRECTORIES.format("package com.example.db",
                        "class com.example.db.Other"))
                .inFile(module.file("package-info")).onLineContaining(ANNOTATION);
        assertThat(compilation).hadErrorCount(1);
    }
}
