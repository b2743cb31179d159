package dev.cairn.processor.generate;

import static dev.cairn.processor.generate.RuntimeNames.DATA_SOURCE;
import static dev.cairn.processor.generate.RuntimeNames.MIGRATOR;
import static dev.cairn.processor.generate.RuntimeNames.REPORT;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The registry's static methods: how an application hands the plan to the runtime. The real
 * registry and the stand-in written while there are errors declare them from the same signatures.
 */
final class EntryPoints {

    private EntryPoints() {
    }

    /** Adds {@code runAll}, {@code migrator} and {@code configure}. */
    static void addTo(TypeSpec.Builder type, ClassName registry) {
        type.addMethod(runAllOnDataSource().addStatement("return migrator(dataSource).migrate()").build());
        type.addMethod(runAllOnUrl()
                .addStatement("return $T.configure(new $T(), jdbcUrl).load().migrate()", MIGRATOR, registry)
                .build());
        type.addMethod(migrator().addStatement("return configure(dataSource).load()").build());
        type.addMethod(configure().addStatement("return $T.configure(new $T(), dataSource)", MIGRATOR, registry).build());
    }

    /** Adds the same methods, each throwing an {@link IllegalStateException} with {@code refusal}'s text. */
    static void addRefusingTo(TypeSpec.Builder type, FieldSpec refusal) {
        for (MethodSpec.Builder method : List.of(runAllOnDataSource(), runAllOnUrl(), migrator(), configure())) {
            type.addMethod(method
                    .addJavadoc("@throws $T always, as this class only stands in for the registry\n",
                            IllegalStateException.class)
                    .addStatement("throw new $T($N)", IllegalStateException.class, refusal)
                    .build());
        }
    }

    private static MethodSpec.Builder runAllOnDataSource() {
        return MethodSpec.methodBuilder("runAll")
                .addJavadoc("Applies every pending migration; the same as {@code migrator(dataSource).migrate()}.\n\n"
                        + "@param dataSource the database to migrate\n@return what was applied\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(REPORT)
                .addParameter(DATA_SOURCE, "dataSource");
    }

    private static MethodSpec.Builder runAllOnUrl() {
        return MethodSpec.methodBuilder("runAll")
                .addJavadoc("Applies every pending migration to the database at a JDBC URL.\n\n"
                        + "@param jdbcUrl such as {@code jdbc:sqlite:app.db}; a password in it is never logged\n"
                        + "@return what was applied\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(REPORT)
                .addParameter(String.class, "jdbcUrl");
    }

    private static MethodSpec.Builder migrator() {
        return MethodSpec.methodBuilder("migrator")
                .addJavadoc("A migrator for these migrations with the default settings.\n\n"
                        + "@param dataSource the database to migrate\n@return the migrator\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(MIGRATOR)
                .addParameter(DATA_SOURCE, "dataSource");
    }

    private static MethodSpec.Builder configure() {
        return MethodSpec.methodBuilder("configure")
                .addJavadoc("Starts configuring a migrator for these migrations; finish with {@code load()}.\n\n"
                        + "@param dataSource the database to migrate\n@return the builder of options\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(MIGRATOR.nestedClass("Builder"))
                .addParameter(DATA_SOURCE, "dataSource");
    }
}
