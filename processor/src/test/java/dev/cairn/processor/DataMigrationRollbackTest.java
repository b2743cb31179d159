package dev.cairn.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.cairn.processor.report.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A data migration's rollback is its {@code backward}: its {@code down} is final and always
 * there, so the reversible-without-rollback check looks for an override of {@code backward}.
 */
class DataMigrationRollbackTest {

    private static JavaFileObject backfill(String annotation, String backward) {
        return JavaFileObjects.forSourceString("com.example.data.Backfill", """
                package com.example.data;

                import dev.cairn.Migration;
                import dev.cairn.runtime.Database;
                import dev.cairn.runtime.data.Batches;
                import dev.cairn.runtime.data.DataMigration;

                %s
                final class Backfill extends DataMigration {
                    @Override
                    protected Batches forward(Database database) {
                        return Batches.from("users").key("id").each((row, batch) -> { });
                    }
                %s}
                """.formatted(annotation, backward));
    }

    private static final String BACKWARD = """

                @Override
                protected Batches backward(Database database) {
                    return Batches.from("users").key("id").each((row, batch) -> { });
                }
            """;

    private static Compilation compile(JavaFileObject source) {
        return javac().withProcessors(new MigrationProcessor()).withOptions("-Xlint:all").compile(source);
    }

    @Test
    void reversibleDataMigrationWithoutBackward_isAnError_showingTheMethodToAdd() {
        JavaFileObject source = backfill("@Migration(version = \"1\")", "");
        Compilation compilation = compile(source);

        // javac indents the lines after the first; each is there as written.
        for (String line : Message.MISSING_BACKWARD.format("1 (com.example.data.Backfill)").split("\n")) {
            assertThat(compilation).hadErrorContaining(line.strip()).inFile(source).onLineContaining("@Migration");
        }
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void reversibleDataMigrationWithBackward_compilesCleanly() {
        assertThat(compile(backfill("@Migration(version = \"1\")", BACKWARD))).succeededWithoutWarnings();
    }

    @Test
    void irreversibleDataMigration_needsNoBackward_andOneWithBackwardIsWarned() {
        assertThat(compile(backfill("@Migration(version = \"1\", reversible = false)", ""))).succeededWithoutWarnings();

        JavaFileObject source = backfill("@Migration(version = \"1\", reversible = false)", BACKWARD);
        Compilation compilation = compile(source);
        assertThat(compilation).hadWarningContaining(Message.UNUSED_BACKWARD.format("1 (com.example.data.Backfill)"))
                .inFile(source).onLineContaining("reversible = false");
        assertThat(compilation).hadWarningCount(1);
    }
}
