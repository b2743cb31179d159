package dev.cairn.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.cairn.processor.model.MigrationModel;
import dev.cairn.processor.model.RepeatableModel;
import dev.cairn.processor.model.SqlFile;
import dev.cairn.processor.model.SqlScript;
import java.util.List;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * The registry's {@code sqlDirectory()} and {@code sqlFiles()}: the directory its SQL files came
 * from and every file it was compiled from, which the runtime compares with the directory on the
 * classpath, so that files changed without a compile (Maven recompiles only for changed Java
 * sources) are refused rather than silently left out.
 */
final class SqlDirectoryMethods {

    private SqlDirectoryMethods() {
    }

    static void addTo(TypeSpec.Builder type, String directory, List<MigrationModel> plan, List<RepeatableModel> repeatables) {
        String prefix = directory + "/";
        List<String> files = Stream.concat(
                        plan.stream().flatMap(migration -> migration.script().stream()).flatMap(SqlDirectoryMethods::files),
                        repeatables.stream().map(RepeatableModel::file))
                .map(SqlFile::resource).map(resource -> resource.substring(prefix.length())).sorted().toList();
        type.addMethod(MethodSpec.methodBuilder("sqlDirectory")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(String.class)
                .addStatement("return $L", JavaLiterals.string(directory))
                .build());
        type.addMethod(MethodSpec.methodBuilder("sqlFiles")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(String[].class)
                .addStatement("return new String[] {$L}", files.stream().map(JavaLiterals::string).collect(CodeBlock.joining(", ")))
                .build());
    }

    private static Stream<SqlFile> files(SqlScript script) {
        return Stream.concat(Stream.of(script.file()), script.undo().stream());
    }
}
