package dev.cairn.processor.generate;

import static dev.cairn.processor.generate.RuntimeNames.DESCRIPTOR;
import static dev.cairn.processor.generate.RuntimeNames.GENERATED;
import static dev.cairn.processor.generate.RuntimeNames.MIGRATION_SOURCE;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.cairn.processor.model.MigrationModel;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes the stand-in {@code MigrationRegistry} of a compilation whose migrations have errors:
 * the registry's package, name and public shape (the public no-argument constructor, the static
 * entry points of {@link EntryPoints}, the version constants of the valid versions, and
 * {@code MigrationSource} with its {@code migrations()}) with nothing behind it; the constructor
 * and every method throw {@link IllegalStateException}.
 *
 * <p>Code that uses the registry compiles against the stand-in, so the migrations' errors are the
 * compilation's only ones, with no follow-on "cannot find symbol" or "incompatible types" (as for
 * {@code Migrator.configure(new MigrationRegistry(), url)}). The compilation fails on those
 * errors, so a stand-in is never part of a successful build. It names no migration class (one
 * may be the error, or out of the registry's reach), implements {@code MigrationSource} directly
 * rather than extending {@code GeneratedRegistry} (whose protected API only the runtime calls),
 * and no service entry lists it.
 */
public final class StandInWriter {

    private final String processorName;
    private final boolean generatedAnnotationAvailable;

    /**
     * @param processorName the processor's class name, for {@code @Generated}
     * @param generatedAnnotationAvailable whether {@code javax.annotation.processing.Generated}
     *     exists for the compilation's source version
     */
    public StandInWriter(String processorName, boolean generatedAnnotationAvailable) {
        this.processorName = processorName;
        this.generatedAnnotationAvailable = generatedAnnotationAvailable;
    }

    /**
     * The types the entry points and {@code MigrationSource} refer to, by canonical name: without
     * them the stand-in has neither.
     */
    public static List<String> runtimeTypes() {
        return List.of(RuntimeNames.MIGRATOR.canonicalName(), RuntimeNames.MIGRATOR.nestedClass("Builder").canonicalName(),
                RuntimeNames.REPORT.canonicalName(), RuntimeNames.DATA_SOURCE.canonicalName(),
                MIGRATION_SOURCE.canonicalName(), DESCRIPTOR.canonicalName());
    }

    /**
     * The stand-in's source.
     *
     * @param migrations the migrations that were read, whatever their errors
     * @param withRuntime whether the {@link #runtimeTypes() runtime types} are on the classpath;
     *     without them the entry points and {@code MigrationSource} would be errors of their own
     */
    public JavaFile write(String packageName, List<MigrationModel> migrations, boolean withRuntime) {
        ClassName registry = ClassName.get(packageName, RegistryWriter.REGISTRY_NAME);
        TypeSpec.Builder type = TypeSpec.classBuilder(registry)
                .addJavadoc("Stands in for the registry while the {@code @Migration} classes of this compilation have\n"
                        + "errors, so that code using the registry adds none of its own. It has no migrations and\n"
                        + "cannot run: fix the errors, and the real registry is generated.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL);
        if (generatedAnnotationAvailable) {
            type.addAnnotation(AnnotationSpec.builder(GENERATED)
                    .addMember("value", "$S", processorName)
                    .addMember("comments", "$S", "A stand-in: the @Migration classes of this compilation have errors")
                    .build());
        }
        migrations.stream().map(MigrationModel::element).distinct().forEach(type::addOriginatingElement);
        Map<String, MigrationModel> constants = versionConstants(migrations);
        if (RegistryWriter.hasVersionConstants(constants.size())) {
            constants.forEach((name, migration) -> type.addField(versionConstant(name, migration)));
        }
        FieldSpec refusal = FieldSpec.builder(String.class, "REFUSAL", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Why nothing here runs.\n")
                .initializer(JavaLiterals.string(registry.canonicalName() + " is a stand-in: the compilation that"
                        + " generated it had errors in its @Migration classes, so it has no migrations and cannot run."
                        + " Fix the errors the compiler reported, and rebuild."))
                .build();
        type.addField(refusal);
        type.addMethod(MethodSpec.constructorBuilder()
                .addJavadoc("Refuses: there is no registry to create.\n\n"
                        + "@throws IllegalStateException always, as this class only stands in for the registry\n")
                .addModifiers(Modifier.PUBLIC)
                .addStatement("throw new $T($N)", IllegalStateException.class, refusal)
                .build());
        if (withRuntime) {
            EntryPoints.addRefusingTo(type, refusal);
            type.addSuperinterface(MIGRATION_SOURCE);
            type.addMethod(MethodSpec.methodBuilder("migrations")
                    .addJavadoc("Refuses: there are no migrations.\n\n"
                            + "@throws IllegalStateException always, as this class only stands in for the registry\n")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(ParameterizedTypeName.get(ClassName.get(List.class), DESCRIPTOR))
                    .addStatement("throw new $T($N)", IllegalStateException.class, refusal)
                    .build());
        }
        return JavaFile.builder(packageName, type.build())
                .addFileComment("Generated by Cairn while the migrations have errors. Do not edit.")
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    /** One constant per distinct name among the valid versions (duplicates are errors), in version order. */
    private static Map<String, MigrationModel> versionConstants(List<MigrationModel> migrations) {
        Map<String, MigrationModel> constants = new LinkedHashMap<>();
        migrations.stream()
                .filter(migration -> migration.version().isPresent())
                .sorted(Comparator.comparing(MigrationModel::requireVersion).thenComparing(MigrationModel::className))
                .forEach(migration -> constants.putIfAbsent(migration.requireVersion().constantName(), migration));
        return constants;
    }

    private static FieldSpec versionConstant(String name, MigrationModel migration) {
        return FieldSpec.builder(String.class, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Migration $L, {@code $L}.\n", migration.versionText(), migration.className())
                .initializer(JavaLiterals.string(migration.versionText()))
                .build();
    }
}
