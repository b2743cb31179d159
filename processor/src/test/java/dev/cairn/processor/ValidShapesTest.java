package dev.cairn.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.cairn.runtime.MigrationDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Unusual but valid migrations: an inherited or default {@code down}, a record, a type-use
 * annotation on the parameter, a deprecated class, one declared in another class's file, and a
 * description no string literal could hold as written.
 */
class ValidShapesTest {

    @Test
    void unusualButValidMigrations_compileWithoutWarnings_underLintAndWerror() {
        Compilation compilation = Scenario.load("good/shapes").compile("-Werror");

        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void aMigrationMentioningItsRegistry_stillGetsIt() {
        Compilation compilation = Scenario.load("good/self-reference").compile("-Werror");

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.example.self.MigrationRegistry");
    }

    @Test
    void theRegistryKeepsEveryDeclarationExactly() {
        List<MigrationDescriptor> plan = new GeneratedClasses(Scenario.load("good/shapes").compile())
                .registry("com.example.shapes.MigrationRegistry").migrations();

        assertThat(plan.stream().map(m -> m.version().toString()).toList())
                .containsExactly("1", "2", "3", "4", "5").inOrder();
        assertThat(plan.stream().map(MigrationDescriptor::reversible).toList())
                .containsExactly(true, true, true, false, true).inOrder();
        assertThat(plan.get(3).description()).isEqualTo(
                "Odd text: \"quoted\", back\\slash, new\nline, \u2028separator\u2029, caf\u00e9, */ $L");
        assertThat(plan.get(2).className()).isEqualTo("com.example.shapes.Shapes.AsRecord");
    }
}
