package dev.cairn.processor.generate;

import static dev.cairn.processor.generate.RuntimeNames.DATA_SOURCE;
import static dev.cairn.processor.generate.RuntimeNames.MIGRATOR;
import static dev.cairn.processor.generate.RuntimeNames.REPORT;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/** The registry's static methods: how an application hands the plan to the runtime. */
final class EntryPoints {

    private EntryPoints() {
    }

    /** Adds {@code runAll}, {@code migrator} and {@code configure}. */
    static void addTo(TypeSpec.Builder type, ClassName registry) {
        type.addMethod(MethodSpec.methodBuilder("runAll")
                .addJavadoc("Applies every pending migration; the same as {@code migrator(dataSource).migrate()}.\n\n"
                        + "@param dataSource the database to migrate\n@return what was applied\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(REPORT)
                .addParameter(DATA_SOURCE, "dataSource")
                .addStatement("return migrator(dataSource).migrate()")
                .build());
        type.addMethod(MethodSpec.methodBuilder("runAll")
                .addJavadoc("Applies every pending migration to the database at a JDBC URL.\n\n"
                        + "@param jdbcUrl such as {@code jdbc:sqlite:app.db}; a password in it is never logged\n"
                        + "@return what was applied\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(REPORT)
                .addParameter(String.class, "jdbcUrl")
                .addStatement("return $T.configure(new $T(), jdbcUrl).load().migrate()", MIGRATOR, registry)
                .build());
        type.addMethod(MethodSpec.methodBuilder("migrator")
                .addJavadoc("A migrator for these migrations with the default settings.\n\n"
                        + "@param dataSource the database to migrate\n@return the migrator\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(MIGRATOR)
                .addParameter(DATA_SOURCE, "dataSource")
                .addStatement("return configure(dataSource).load()")
                .build());
        type.addMethod(MethodSpec.methodBuilder("configure")
                .addJavadoc("Starts configuring a migrator for these migrations; finish with {@code load()}.\n\n"
                        + "@param dataSource the database to migrate\n@return the builder of options\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(MIGRATOR.nestedClass("Builder"))
                .addParameter(DATA_SOURCE, "dataSource")
                .addStatement("return $T.configure(new $T(), dataSource)", MIGRATOR, registry)
                .build());
    }
}
