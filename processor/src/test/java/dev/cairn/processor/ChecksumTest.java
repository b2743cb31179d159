package dev.cairn.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.cairn.processor.report.Message;
import org.junit.jupiter.api.Test;

/** The checksum the processor records for a migration, as the migration's source changes. */
class ChecksumTest {

    private static final String ORIGINAL = """
            package com.example.sum;

            import dev.cairn.Migration;
            import dev.cairn.runtime.JavaMigration;
            import dev.cairn.runtime.MigrationContext;

            @Migration(version = "1", description = "Create t")
            final class CreateT implements JavaMigration {
                @Override
                public void up(MigrationContext ctx) throws Exception {
                    ctx.execute("CREATE TABLE t (id INTEGER)");
                }

                @Override
                public void down(MigrationContext ctx) throws Exception {
                    ctx.execute("DROP TABLE t");
                }
            }
            """;

    @Test
    void formattingCommentsAndLineEndings_doNotChangeTheChecksum() {
        // javac rejects a byte-order mark in source, so that case is covered by SourceChecksumTest alone.
        String reformatted = ORIGINAL
                .replace("    ", "\t")
                .replace("public void up(", "/** Creates t. */ public void up(")
                .replace("\"CREATE TABLE t (id INTEGER)\");", "\"CREATE TABLE t (id INTEGER)\"); // the table")
                .replace("\n", "\r\n");

        assertThat(checksumOf(reformatted)).isEqualTo(checksumOf(ORIGINAL));
    }

    @Test
    void theMigrationAnnotation_doesNotCount() {
        String redescribed = ORIGINAL.replace("description = \"Create t\"", "description = \"Create the t table\"");

        assertThat(checksumOf(redescribed)).isEqualTo(checksumOf(ORIGINAL));
    }

    @Test
    void annotationsAndModifiersOfTheClass_doNotCount() {
        String annotated = ORIGINAL.replace("final class CreateT", "@SuppressWarnings(\"cairn\")\n@Deprecated\npublic final class CreateT");

        assertThat(checksumOf(annotated)).isEqualTo(checksumOf(ORIGINAL));
    }

    @Test
    void anEnvironmentWrappedByABuildTool_stillGetsSourceChecksums() {
        Compilation compilation = javac().withProcessors(WrappedEnvironments.gradleLike()).withOptions("-Werror")
                .compile(JavaFileObjects.forSourceString("com.example.sum.CreateT", ORIGINAL));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(checksumIn(compilation)).isEqualTo(checksumOf(ORIGINAL));
    }

    @Test
    void withoutSourceTrees_theChecksumCoversTheStructure_andANoteSaysSo() {
        Compilation original = javac().withProcessors(WrappedEnvironments.opaque())
                .compile(JavaFileObjects.forSourceString("com.example.sum.CreateT", ORIGINAL));
        Compilation newConstant = javac().withProcessors(WrappedEnvironments.opaque())
                .compile(JavaFileObjects.forSourceString("com.example.sum.CreateT",
                        ORIGINAL.replace("final class CreateT implements JavaMigration {",
                                "final class CreateT implements JavaMigration {\n    static final int BATCH = 500;")));

        assertThat(original).hadNoteContaining(Message.STRUCTURE_CHECKSUMS.format());
        assertThat(checksumIn(original)).matches("struct1:[0-9a-f]{64}");
        assertThat(checksumIn(newConstant)).isNotEqualTo(checksumIn(original));
    }

    @Test
    void anyTokenChange_changesTheChecksum() {
        String changedSql = ORIGINAL.replace("id INTEGER", "id BIGINT");
        String changedCode = ORIGINAL.replace("DROP TABLE t\");", "DROP TABLE t\"); ctx.execute(\"VACUUM\");");

        assertThat(checksumOf(changedSql)).isNotEqualTo(checksumOf(ORIGINAL));
        assertThat(checksumOf(changedCode)).isNotEqualTo(checksumOf(ORIGINAL));
    }

    private static String checksumOf(String source) {
        Compilation compilation = javac().withProcessors(new MigrationProcessor())
                .compile(JavaFileObjects.forSourceString("com.example.sum.CreateT", source));
        String checksum = checksumIn(compilation);
        assertThat(checksum).matches("src1:[0-9a-f]{64}");
        return checksum;
    }

    private static String checksumIn(Compilation compilation) {
        assertThat(compilation).succeeded();
        return new GeneratedClasses(compilation).registry("com.example.sum.MigrationRegistry")
                .migrations().get(0).checksum();
    }
}
