package dev.cairn.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import dev.cairn.MigrationVersion;
import dev.cairn.processor.report.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per diagnostic of the processor: its message, the file and the line the compiler
 * points at, and that it is the only error (no cascade).
 */
class DiagnosticsTest {

    private static final String PKG = "com.example.bad.";

    @Test
    void invalidVersion_isReportedOnTheVersionValue() {
        Scenario scenario = Scenario.load("bad/invalid-version");
        Compilation compilation = scenario.compile();

        assertThat(compilation).hadErrorContaining(Message.INVALID_VERSION.format(
                        PKG + "BadVersion", "1.a", MigrationVersion.problem("1.a")))
                .inFile(scenario.file("BadVersion.java")).onLineContaining("version = \"1.a\"");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void invalidDependency_isReportedOnThatEntry() {
        Scenario scenario = Scenario.load("bad/invalid-dependency").with("bad/shared");
        Compilation compilation = scenario.compile();

        assertThat(compilation).hadErrorContaining(Message.INVALID_DEPENDENCY.format(
                        "2 (" + PKG + "Two)", "x2", MigrationVersion.problem("x2")))
                .inFile(scenario.file("Two.java")).onLineContaining("\"x2\"");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void duplicateVersion_isReportedOnEveryDuplicate_evenWhenWrittenDifferently() {
        Scenario scenario = Scenario.load("bad/duplicate");
        Compilation compilation = scenario.compile();

        assertThat(compilation).hadErrorContaining(Message.DUPLICATE_VERSION.format(
                        "2 (" + PKG + "First)", "2.0 (" + PKG + "Second)"))
                .inFile(scenario.file("First.java")).onLineContaining("version = \"2\"");
        assertThat(compilation).hadErrorContaining(Message.DUPLICATE_VERSION.format(
                        "2.0 (" + PKG + "Second)", "2 (" + PKG + "First)"))
                .inFile(scenario.file("Second.java")).onLineContaining("version = \"2.0\"");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void unknownDependency_suggestsTheNearestVersion_onTheLineOfThatEntry() {
        Scenario scenario = Scenario.load("bad/unknown").with("bad/shared");
        Compilation compilation = scenario.compile();

        assertThat(compilation).hadErrorContaining(Message.UNKNOWN_DEPENDENCY.format(
                        "3 (" + PKG + "Three)", "2.2", " Did you mean 2.1 (" + PKG + "TwoOne)?"))
                .inFile(scenario.file("Three.java")).onLineContaining("\"2.2\",");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void selfDependency_isReportedOnTheEntry() {
        Scenario scenario = Scenario.load("bad/self");
        Compilation compilation = scenario.compile();

        assertThat(compilation).hadErrorContaining(Message.SELF_DEPENDENCY.format("7 (" + PKG + "Self)", "7"))
                .inFile(scenario.file("Self.java")).onLineContaining("dependsOn = \"7\"");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void repeatedDependency_isAWarning_evenWhenWrittenDifferently() {
        Scenario scenario = Scenario.load("bad/duplicate-dependency").with("bad/shared");
        Compilation compilation = scenario.compile();

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining(Message.DUPLICATE_DEPENDENCY.format("2 (" + PKG + "Two)", "01"))
                .inFile(scenario.file("Two.java")).onLineContaining("dependsOn = {\"1\", \"01\"}");
        assertThat(compilation).hadWarningCount(1);
    }

    @Test
    void cycle_isReportedInFullOnItsLowestVersion_andPointedToFromEveryOtherMember() {
        Scenario scenario = Scenario.load("bad/cycle").with("bad/shared");
        Compilation compilation = scenario.compile();

        String three = "3 (" + PKG + "Three)";
        String full = Message.DEPENDENCY_CYCLE.format(three, 3, "3 -> 5 -> 4 -> 3");
        String fromFive = Message.DEPENDENCY_CYCLE_MEMBER.format("5 (" + PKG + "Five)", three);
        String fromFour = Message.DEPENDENCY_CYCLE_MEMBER.format("4 (" + PKG + "Four)", three);
        assertThat(full).isEqualTo("[Cairn/DependencyCycle] Migration 3 (com.example.bad.Three) is part of a"
                + " dependency cycle of 3 migrations: 3 -> 5 -> 4 -> 3. No order can satisfy it: remove one of the"
                + " dependsOn entries along it (each member's is marked with an error).");
        assertThat(fromFive).isEqualTo("[Cairn/DependencyCycle] Migration 5 (com.example.bad.Five) is part of the"
                + " dependency cycle reported on 3 (com.example.bad.Three).");
        assertThat(compilation).hadErrorContaining(full)
                .inFile(scenario.file("Three.java")).onLineContaining("dependsOn = \"5\"");
        assertThat(compilation).hadErrorContaining(fromFive)
                .inFile(scenario.file("Five.java")).onLineContaining("dependsOn = \"4\"");
        assertThat(compilation).hadErrorContaining(fromFour)
                .inFile(scenario.file("Four.java")).onLineContaining("dependsOn = \"3\"");
        assertThat(cairnErrors(compilation)).containsExactly(full, fromFive, fromFour).inOrder();
        // 6 depends on the cycle but is not on it; 1 is fine: neither is reported. The edge 3 -> 5
        // goes to a later version, which is not worth a warning next to the cycle.
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation).hadWarningCount(0);
    }

    @Test
    void dependingOnALaterVersion_isAWarningOnTheEntry() {
        Scenario scenario = Scenario.load("bad/later");
        Compilation compilation = scenario.compile();

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining(Message.LATER_DEPENDENCY.format(
                        "1 (" + PKG + "One)", "2 (" + PKG + "Two)", "2"))
                .inFile(scenario.file("One.java")).onLineContaining("dependsOn = \"2\"");
        assertThat(compilation).hadWarningCount(1);
    }

    @Test
    void dependingOnALaterVersion_canBeSuppressed() {
        Compilation compilation = Scenario.load("bad/later-suppressed").compile("-Werror");

        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void reversibleWithoutDown_showsTheMethodToAdd() {
        Scenario scenario = Scenario.load("bad/missing-rollback");
        Compilation compilation = scenario.compile();

        // javac indents the lines after the first of a multi-line message, so check them one by one.
        String[] lines = Message.MISSING_ROLLBACK.format("3 (" + PKG + "NoDown)").split("\n");
        assertThat(lines[0]).isEqualTo("[Cairn/MissingRollback] Migration 3 (com.example.bad.NoDown) is reversible"
                + " but does not implement down(). Add the rollback:");
        for (String line : lines) {
            assertThat(compilation).hadErrorContaining(line.strip())
                    .inFile(scenario.file("NoDown.java")).onLineContaining("@Migration(version = \"3\"");
        }
        assertThat(compilation).hadErrorContaining("public void down(MigrationContext ctx) throws Exception {");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void irreversibleWithDown_isAWarningOnReversible() {
        Scenario scenario = Scenario.load("bad/unused-rollback");
        Compilation compilation = scenario.compile();

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining(Message.UNUSED_ROLLBACK.format("4 (" + PKG + "Irreversible)"))
                .inFile(scenario.file("Irreversible.java")).onLineContaining("reversible = false");
        assertThat(compilation).hadWarningCount(1);
    }

    @Test
    void interface_isNotAMigration() {
        Scenario scenario = Scenario.load("bad/not-a-class");
        Compilation compilation = scenario.compile();

        assertThat(compilation).hadErrorContaining(Message.NOT_A_CLASS.format(PKG + "NotAClass", "an interface"))
                .inFile(scenario.file("NotAClass.java")).onLineContaining("interface NotAClass");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void classNotImplementingJavaMigration_isReported() {
        Scenario scenario = Scenario.load("bad/not-a-java-migration");
        Compilation compilation = scenario.compile();

        assertThat(compilation).hadErrorContaining(Message.NOT_A_JAVA_MIGRATION.format(PKG + "Plain"))
                .inFile(scenario.file("Plain.java")).onLineContaining("class Plain");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void abstractClass_isReported() {
        Scenario scenario = Scenario.load("bad/abstract");
        Compilation compilation = scenario.compile();

        assertThat(compilation).hadErrorContaining(Message.ABSTRACT_MIGRATION.format(PKG + "Base"))
                .inFile(scenario.file("Base.java")).onLineContaining("class Base");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void genericClass_isReported() {
        Scenario scenario = Scenario.load("bad/generic");
        Compilation compilation = scenario.compile();

        assertThat(compilation).hadErrorContaining(Message.GENERIC_MIGRATION.format(PKG + "Generic"))
                .inFile(scenario.file("Generic.java")).onLineContaining("class Generic<T>");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void nonStaticInnerClass_isReported() {
        Scenario scenario = Scenario.load("bad/inner");
        Compilation compilation = scenario.compile();

        assertThat(compilation).hadErrorContaining(Message.INNER_MIGRATION.format(PKG + "Outer.Inner", PKG + "Outer"))
                .inFile(scenario.file("Outer.java")).onLineContaining("class Inner");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void privateNestedClass_isNotAccessibleFromTheRegistry() {
        Scenario scenario = Scenario.load("bad/private-nested");
        Compilation compilation = scenario.compile();

        assertThat(compilation).hadErrorContaining(Message.INACCESSIBLE_MIGRATION.format(
                        PKG + "Holder.Hidden", "com.example.bad", PKG + "Holder.Hidden non-private"))
                .inFile(scenario.file("Holder.java")).onLineContaining("class Hidden");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void packagePrivateClassInASubpackage_isOneError_theRegistryStayingWithTheEarliestMigration(@TempDir Path dir) {
        Scenario scenario = Scenario.load("bad/other-package");
        Compilation compilation = scenario.compile();

        assertThat(compilation).hadErrorContaining(Message.OUTSIDE_REGISTRY_PACKAGE.format(
                        PKG + "sub.PackagePrivate", "com.example.bad.sub", "com.example.bad", 1, 2))
                .inFile(scenario.file("com/example/bad/sub/PackagePrivate.java")).onLineContaining("class PackagePrivate");
        assertThat(compilation).hadErrorCount(1);
        assertThat(Files.exists(scenario.generateInto(dir).resolve("com/example/bad/MigrationRegistry.java"))).isTrue();
    }

    /**
     * The migrations of good/app are package-private in com.example.app, and the application
     * imports com.example.app.MigrationRegistry. One package-private migration added in another
     * package is one error, on it, and the registry does not move up to com.example: no error on
     * each untouched migration, and no "cannot find symbol" in the application.
     */
    @Test
    void onePackagePrivateMigrationInAnotherPackage_isOneErrorOnIt_andTheRegistryDoesNotMove(@TempDir Path dir) {
        Scenario scenario = Scenario.load("good/app").with("bad/moved-package");
        Compilation compilation = scenario.compile();

        String expected = Message.OUTSIDE_REGISTRY_PACKAGE.format(
                "com.example.other.Hidden", "com.example.other", "com.example.app", 3, 4);
        assertThat(expected).isEqualTo("[Cairn/InaccessibleMigration] Migration class com.example.other.Hidden is"
                + " package-private in com.example.other, but the MigrationRegistry is generated in com.example.app,"
                + " where it reaches the most migrations (3 of 4), and cannot reach this one from there. Make it"
                + " public, or move it to com.example.app, or choose the registry's package with -Acairn.package"
                + " (Maven: <compilerArgs><arg>-Acairn.package=com.example.other</arg></compilerArgs>; Gradle:"
                + " options.compilerArgs += ['-Acairn.package=com.example.other']); migrations outside that"
                + " package must then be public.");
        assertThat(compilation).hadErrorContaining(expected)
                .inFile(scenario.file("com/example/other/Hidden.java")).onLineContaining("final class Hidden");
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadWarningCount(0);
        assertThat(Files.exists(scenario.generateInto(dir).resolve("com/example/app/MigrationRegistry.java"))).isTrue();
    }

    /** Nor does such a migration pull the registry into its own package, away from the six others. */
    @Test
    void packagePrivateMigrationBelowTheOthers_isOneErrorOnIt_andTheRegistryStaysAbove() {
        Scenario scenario = Scenario.load("good/shop").with("bad/pulled-down");
        Compilation compilation = scenario.compile();

        assertThat(compilation).hadErrorContaining(Message.OUTSIDE_REGISTRY_PACKAGE.format(
                        "com.example.shop.orders.ShipOrders", "com.example.shop.orders", "com.example.shop", 6, 7))
                .inFile(scenario.file("com/example/shop/orders/ShipOrders.java")).onLineContaining("final class ShipOrders");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void classWithoutNoArgumentConstructor_isReported() {
        Scenario scenario = Scenario.load("bad/no-constructor");
        Compilation compilation = scenario.compile();

        assertThat(compilation).hadErrorContaining(Message.NO_ACCESSIBLE_CONSTRUCTOR.format(
                        PKG + "NeedsArgument", "com.example.bad", "non-private "))
                .inFile(scenario.file("NeedsArgument.java")).onLineContaining("class NeedsArgument");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void migrationsWithNoCommonPackage_needTheOption() {
        Scenario scenario = Scenario.load("bad/no-common-package");

        Compilation compilation = scenario.compile();
        assertThat(compilation).hadErrorContaining(Message.NO_COMMON_PACKAGE.format("alpha, beta"));
        assertThat(compilation).hadErrorCount(1);

        Compilation withOption = scenario.compile("-Acairn.package=db");
        assertThat(withOption).hadErrorContaining(Message.INACCESSIBLE_MIGRATION.format("alpha.Alpha", "db", "alpha.Alpha public"))
                .inFile(scenario.file("Alpha.java")).onLineContaining("class Alpha");
        assertThat(withOption).hadErrorContaining(Message.INACCESSIBLE_MIGRATION.format("beta.Beta", "db", "beta.Beta public"))
                .inFile(scenario.file("Beta.java")).onLineContaining("class Beta");
        assertThat(withOption).hadErrorCount(2);
    }

    @Test
    void invalidPackageOption_isReported() {
        Compilation compilation = Scenario.load("good/shop").compile("-Acairn.package=com.1shop");

        assertThat(compilation).hadErrorContaining(Message.INVALID_PACKAGE_OPTION.format("com.1shop"));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void classAlreadyNamedMigrationRegistry_isReportedOnThatClass() {
        Scenario scenario = Scenario.load("bad/clash").with("bad/shared");
        Compilation compilation = scenario.compile();

        assertThat(compilation).hadErrorContaining(Message.REGISTRY_NAME_TAKEN.format(PKG + "MigrationRegistry"))
                .inFile(scenario.file("MigrationRegistry.java")).onLineContaining("class MigrationRegistry");
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadWarningCount(0);
    }

    @Test
    void constructorThrowingACheckedException_isReportedOnTheConstructor() {
        Scenario scenario = Scenario.load("bad/constructor-throws");
        Compilation compilation = scenario.compile();

        assertThat(compilation).hadErrorContaining(Message.CONSTRUCTOR_THROWS.format(PKG + "Throwing", "java.io.IOException"))
                .inFile(scenario.file("Throwing.java")).onLineContaining("Throwing() throws");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void missingImport_getsOnlyJavacsErrors_notAFalseMissingRollback() {
        Compilation compilation = Scenario.load("bad/missing-import").compile();

        assertThat(compilation).hadErrorContaining("cannot find symbol");
        assertThat(cairnErrors(compilation)).isEmpty();
    }

    @Test
    void unresolvedAnnotationValue_getsOnlyJavacsError() {
        Compilation compilation = Scenario.load("bad/unresolved-value").compile();

        assertThat(compilation).hadErrorContaining("cannot find symbol");
        assertThat(compilation).hadErrorCount(1);
        assertThat(cairnErrors(compilation)).isEmpty();
    }

    @Test
    void invalidVersion_isNotRepeatedAsAnUnknownDependencyOfItsDependents() {
        Scenario scenario = Scenario.load("bad/invalid-version-dependent");
        Compilation compilation = scenario.compile();

        assertThat(compilation).hadErrorContaining(Message.INVALID_VERSION.key())
                .inFile(scenario.file("BadVersion.java")).onLineContaining("version = \"1a\"");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void anInvalidVersion_doesNotHideAnUnrelatedUnknownDependency() {
        Scenario scenario = Scenario.load("bad/invalid-version-dependent").with("bad/unrelated-unknown");
        Compilation compilation = scenario.compile();

        assertThat(compilation).hadErrorContaining(Message.INVALID_VERSION.key())
                .inFile(scenario.file("BadVersion.java")).onLineContaining("version = \"1a\"");
        assertThat(compilation).hadErrorContaining(Message.UNKNOWN_DEPENDENCY.key() + " Migration 7 (" + PKG + "Unrelated)")
                .inFile(scenario.file("Unrelated.java")).onLineContaining("dependsOn = \"42\"");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void aMigrationWaitingForATypeThatNeverAppears_saysWhyThereIsNoRegistry() {
        Compilation compilation = Scenario.load("bad/never-generated").compile();

        assertThat(compilation).hadErrorContaining("cannot find symbol");
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadNoteContaining(Message.REGISTRY_WAITING.format(PKG + "Orphan"));
    }

    @Test
    void aRegistryFromAnEarlierBuildOnTheClasspath_asksForAFullRebuild(@TempDir Path earlierBuild) throws IOException {
        Compilation first = Scenario.load("bad/shared").compile();
        for (JavaFileObject file : first.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                Path target = earlierBuild.resolve(file.toUri().getPath().substring("/CLASS_OUTPUT/".length()));
                Files.createDirectories(target.getParent());
                try (InputStream in = file.openInputStream()) {
                    Files.copy(in, target);
                }
            }
        }
        List<File> classpath = new ArrayList<>(List.of(earlierBuild.toFile()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classpath.add(new File(entry));
        }

        Compilation partial = javac().withProcessors(new MigrationProcessor()).withClasspath(classpath)
                .compile(Scenario.load("bad/later-suppressed").sources());

        assertThat(partial).hadErrorContaining(Message.STALE_REGISTRY.format(PKG + "MigrationRegistry"));
        assertThat(partial).hadErrorCount(1);
    }

    private static List<String> cairnErrors(Compilation compilation) {
        return compilation.errors().stream()
                .map(error -> error.getMessage(Locale.ROOT))
                .filter(message -> message.contains("[Cairn/"))
                .toList();
    }

    @Test
    void annotationThatDoesNotCompile_getsOnlyJavacsOwnErrors() {
        Scenario scenario = Scenario.load("bad/broken-annotation");
        Compilation compilation = scenario.compile();

        assertThat(compilation).hadErrorContaining("incompatible types")
                .inFile(scenario.file("IntVersion.java")).onLineContaining("version = 3");
        assertThat(compilation).hadErrorContaining("version")
                .inFile(scenario.file("NoVersion.java")).onLineContaining("@Migration(dependsOn");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void anError_generatesNoWorkingRegistry_andCodeUsingTheRegistryAddsNoCascade(@TempDir Path dir) throws IOException {
        Scenario scenario = Scenario.load("bad/cycle").with("bad/shared").with("bad/cascade");
        Compilation compilation = scenario.compile();

        // No "cannot find symbol MigrationRegistry" in UsesRegistry, no warning: the three cycle errors alone.
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation).hadWarningCount(0);
        scenario.generateInto(dir);
        try (Stream<Path> written = Files.walk(dir.resolve("classes"))) {
            assertThat(written.filter(Files::isRegularFile).toList()).isEmpty(); // no class files, no service entry
        }
    }

    /**
     * The other package calls every entry point, reads {@code V1}, hands the registry to
     * {@code Migrator.configure} and assigns it to a {@code MigrationSource}: against the stand-in,
     * all of it compiles, and Cairn's error is the only one.
     *
     * <p>By default javac stops before attributing method bodies once a processor has reported an
     * error, so a body that does not compile against the stand-in shows only with
     * {@code --should-stop=ifError=FLOW}, which builds with Error Prone must pass. The test compiles
     * both ways.
     */
    @Test
    void oneMistake_isOneError_evenWhereAnotherPackageImportsTheRegistryAndUsesItAsAMigrationSource() {
        Scenario scenario = Scenario.load("bad/missing-rollback").with("bad/shared").with("bad/cascade-import");
        for (String[] options : List.of(new String[0], new String[] {"--should-stop=ifError=FLOW"})) {
            Compilation compilation = scenario.compile(options);

            assertThat(compilation).hadErrorContaining(Message.MISSING_ROLLBACK.key())
                    .inFile(scenario.file("NoDown.java")).onLineContaining("@Migration(version = \"3\"");
            assertThat(compilation).hadErrorCount(1);
            assertThat(cairnErrors(compilation)).hasSize(1);
            assertThat(compilation).hadWarningCount(0);
        }
    }
}
