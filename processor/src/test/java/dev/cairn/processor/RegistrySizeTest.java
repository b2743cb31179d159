package dev.cairn.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.cairn.processor.SyntheticMigrations.REGISTRY;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.cairn.processor.generate.RegistryWriter;
import dev.cairn.processor.report.Message;
import dev.cairn.runtime.MigrationDescriptor;
import dev.cairn.runtime.MigrationReport;
import dev.cairn.runtime.MigrationSource;
import dev.cairn.runtime.Migrator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the registry grows with its migrations: by a bounded amount of code each, and within
 * class-file limits far beyond any real project. The registries of tens of thousands take half a
 * minute to compile: tagged {@code large}, they run only with
 * {@code -Dcairn.excludedGroups= -Dgroups=large}.
 */
class RegistrySizeTest {

    /**
     * Measured on JDK 17: 278 bytes per migration at 500 and 281 at 2,000, the registry class, its
     * parts and its rollback stubs together. About half is the migration's own strings (checksum,
     * class name, description), the rest its cases in {@code describe} and {@code newStep} and its
     * version constant. The bound leaves room for other compilers' constant-pool layouts and fails
     * if the code per migration grows by half; two sizes four times apart show it stays flat.
     */
    private static final int MAX_BYTES_PER_MIGRATION = 400;

    @ParameterizedTest
    @ValueSource(ints = {500, 2000})
    void generatedCodePerMigration_isBounded(int count) {
        Compilation compilation = SyntheticMigrations.compile(count);

        assertThat(compilation).succeededWithoutWarnings();
        long bytes = new GeneratedClasses(compilation).classFileBytes(REGISTRY);
        assertThat(bytes / count).isLessThan(MAX_BYTES_PER_MIGRATION);
    }

    @Test
    @Tag("large")
    void twentyThousandMigrations_compile_startUpToDateLoadingOnlyTheRegistry_andDescribeTheirPlan(@TempDir Path dir) {
        Compilation compilation = SyntheticMigrations.compile(20_000);
        assertThat(compilation).succeededWithoutWarnings();
        String url = "jdbc:sqlite:" + dir.resolve("big.db");
        MigrationSource first = new GeneratedClasses(compilation).registry(REGISTRY);
        Migrator.configure(first, url).load().baseline(first.migrations().get(19_999).version());

        // A start in a fresh class loader: what it loads is what an application's cold start loads.
        GeneratedClasses start = new GeneratedClasses(compilation);
        MigrationReport report = Migrator.configure(start.registry(REGISTRY), url).load().migrate();

        assertThat(report.isUpToDate()).isTrue();
        assertThat(start.loaded()).containsExactly(REGISTRY);
        List<MigrationDescriptor> plan = start.registry(REGISTRY).migrations();
        assertThat(plan).hasSize(20_000);
        assertThat(plan.get(19_999).newStep().getClass().getName()).startsWith("com.example.big.M");
    }



    @Test
    @Tag("large")
    void fiftyThousandMigrations_compileWithoutVersionConstants_andANoteSaysWhy() {
        Compilation compilation = SyntheticMigrations.compile(50_000);

        assertThat(compilation).succeededWithoutWarnings();
        GeneratedClasses classes = new GeneratedClasses(compilation);
        List<MigrationDescriptor> plan = classes.registry(REGISTRY).migrations();
        assertThat(plan).hasSize(50_000);
        String last = plan.get(49_999).version().toString();
        assertThat(compilation).hadNoteContaining(Message.NO_VERSION_CONSTANTS.format(
                50_000, RegistryWriter.VERSION_CONSTANTS_LIMIT, last, last));
        assertThrows(NoSuchFieldException.class, () -> classes.load(REGISTRY).getField("V1"));
    }
}
