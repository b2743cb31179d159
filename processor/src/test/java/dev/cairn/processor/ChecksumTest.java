package dev.cairn.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
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
    void anyTokenChange_changesTheChecksum() {
        String changedSql = ORIGINAL.replace("id INTEGER", "id BIGINT");
        String changedCode = ORIGINAL.replace("DROP TABLE t\");", "DROP TABLE t\"); ctx.execute(\"VACUUM\");");

        assertThat(checksumOf(changedSql)).isNotEqualTo(checksumOf(ORIGINAL));
        assertThat(checksumOf(changedCode)).isNotEqualTo(checksumOf(ORIGINAL));
    }

    private static String checksumOf(String source) {
        Compilation compilation = javac().withProcessors(new MigrationProcessor())
                .compile(JavaFileObjects.forSourceString("com.example.sum.CreateT", source));
        assertThat(compilation).succeeded();
        String checksum = new GeneratedClasses(compilation).registry("com.example.sum.MigrationRegistry")
                .migrations().get(0).checksum();
        assertThat(checksum).matches("src1:[0-9a-f]{64}");
        return checksum;
    }
}
