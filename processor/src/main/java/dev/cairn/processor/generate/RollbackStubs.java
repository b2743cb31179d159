package dev.cairn.processor.generate;

import static dev.cairn.processor.generate.RuntimeNames.CONTEXT;
import static dev.cairn.processor.generate.RuntimeNames.IRREVERSIBLE;
import static dev.cairn.processor.generate.RuntimeNames.JAVA_MIGRATION;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.cairn.processor.model.MigrationModel;
import javax.lang.model.element.Modifier;

/**
 * The step the registry creates for an irreversible migration: it runs the migration and throws
 * {@code IrreversibleMigrationException} from {@code down}, so the runtime knows before touching
 * a database which rollbacks are impossible.
 */
final class RollbackStubs {

    private RollbackStubs() {
    }

    /** The stub's simple name, such as {@code IrreversibleV4}. */
    static String nameOf(MigrationModel migration) {
        return "Irreversible" + migration.requireVersion().constantName();
    }

    /** Runs the migration class and refuses to roll it back, naming it. */
    static TypeSpec stubFor(MigrationModel migration) {
        ClassName migrationClass = ClassName.get(migration.type());
        return TypeSpec.classBuilder(nameOf(migration))
                .addJavadoc("Migration $L is irreversible: runs {@link $T} and refuses to roll it back.\n",
                        migration.versionText(), migrationClass)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(JAVA_MIGRATION)
                .addField(FieldSpec.builder(migrationClass, "migration", Modifier.PRIVATE, Modifier.FINAL)
                        .initializer("new $T()", migrationClass)
                        .build())
                .addMethod(MethodSpec.methodBuilder("up")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(CONTEXT, "ctx")
                        .addException(Exception.class)
                        .addStatement("migration.up(ctx)")
                        .build())
                .addMethod(MethodSpec.methodBuilder("down")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(CONTEXT, "ctx")
                        .addStatement("throw new $T($L, $L)", IRREVERSIBLE, JavaLiterals.string(migration.versionText()),
                                JavaLiterals.string(migration.description()))
                        .build())
                .build();
    }
}
