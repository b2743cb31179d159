package dev.cairn.processor.generate;

import static dev.cairn.processor.generate.RuntimeNames.DESCRIPTOR;
import static dev.cairn.processor.generate.RuntimeNames.DESCRIPTOR_BUILDER;
import static dev.cairn.processor.generate.RuntimeNames.JAVA_MIGRATION;
import static dev.cairn.processor.generate.RuntimeNames.REPEATABLE;
import static dev.cairn.processor.generate.RuntimeNames.REPEATABLE_BUILDER;
import static dev.cairn.processor.generate.RuntimeNames.SQL_MIGRATIONS;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.cairn.processor.model.MigrationModel;
import dev.cairn.processor.model.MigrationModel.Dependency;
import dev.cairn.processor.model.RepeatableModel;
import dev.cairn.processor.model.SqlFile;
import dev.cairn.processor.model.SqlScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import javax.lang.model.element.Modifier;

/**
 * The registry's {@code describe(int)} and {@code newStep(int)}: a switch over plan indexes with
 * one case per migration. Describing the plan thus takes no class, lambda or object per migration
 * and no work when the registry class is initialized; the runtime calls them only when a command
 * needs the plan.
 *
 * <p>A class file allows 64 KiB of code per method and 65,535 constants per class. A registry of
 * more than {@value #PART_SIZE} migrations therefore keeps its cases in nested classes of
 * {@value #PART_SIZE} migrations each, and its own methods only pick the part, by
 * {@code index / PART_SIZE}. A part's class is loaded when one of its migrations is first needed.
 */
final class PlanSwitches {

    static final int PART_SIZE = 400;

    private PlanSwitches() {
    }

    /** What a switch returns for one migration. */
    private enum Lookup {
        DESCRIBE("describe", DESCRIPTOR_BUILDER),
        NEW_STEP("newStep", JAVA_MIGRATION);

        private final String method;
        private final TypeName returns;

        Lookup(String method, TypeName returns) {
            this.method = method;
            this.returns = returns;
        }

        CodeBlock of(MigrationModel migration, ClassName registry) {
            return switch (this) {
                case DESCRIBE -> description(migration);
                case NEW_STEP -> step(migration, registry);
            };
        }
    }

    /** Adds {@code describe} and {@code newStep}, and the part classes they dispatch to if the plan needs them. */
    static void addTo(TypeSpec.Builder type, ClassName registry, List<MigrationModel> plan) {
        if (plan.size() <= PART_SIZE) {
            for (Lookup lookup : Lookup.values()) {
                type.addMethod(override(lookup, switchOver("index", 0, plan.size(),
                        index -> lookup.of(plan.get(index), registry))));
            }
            return;
        }
        type.addField(FieldSpec.builder(int.class, "PART_SIZE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Migrations per part class: few enough that each part stays within class-file limits.\n")
                .initializer("$L", PART_SIZE)
                .build());
        int parts = (plan.size() + PART_SIZE - 1) / PART_SIZE;
        for (Lookup lookup : Lookup.values()) {
            type.addMethod(override(lookup, switchOver("index / PART_SIZE", 0, parts,
                    part -> CodeBlock.of("$L.$L(index)", partName(part), lookup.method))));
        }
        for (int part = 0; part < parts; part++) {
            type.addType(part(registry, plan, part));
        }
    }

    private static TypeSpec part(ClassName registry, List<MigrationModel> plan, int part) {
        int start = part * PART_SIZE;
        int end = Math.min(plan.size(), start + PART_SIZE);
        TypeSpec.Builder type = TypeSpec.classBuilder(partName(part))
                .addJavadoc("The migrations at plan indexes $L to $L, loaded when one of them is first needed.\n",
                        start, end - 1)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL);
        for (Lookup lookup : Lookup.values()) {
            type.addMethod(MethodSpec.methodBuilder(lookup.method)
                    .addModifiers(Modifier.STATIC)
                    .returns(lookup.returns)
                    .addParameter(int.class, "index")
                    .addCode(switchOver("index", start, end - start, index -> lookup.of(plan.get(index), registry)))
                    .build());
        }
        return type.build();
    }

    private static String partName(int part) {
        return "Part" + (part + 1);
    }

    private static MethodSpec override(Lookup lookup, CodeBlock body) {
        return MethodSpec.methodBuilder(lookup.method)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(lookup.returns)
                .addParameter(int.class, "index")
                .addCode(body)
                .build();
    }

    /**
     * {@code switch (selector)} returning {@code result(label)} for each label from {@code first},
     * {@code count} of them. Every case returns and the default throws, so no case falls through
     * (which {@code -Xlint:all -Werror} rejects) and nothing follows the switch.
     */
    private static CodeBlock switchOver(String selector, int first, int count, IntFunction<CodeBlock> result) {
        CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("switch ($L)", selector);
        for (int label = first; label < first + count; label++) {
            code.add("case $L:\n", label).indent().addStatement("return $L", result.apply(label)).unindent();
        }
        return code.add("default:\n").indent()
                .addStatement("throw new $T(index)", IndexOutOfBoundsException.class)
                .unindent().endControlFlow().build();
    }

    /** The builder call chain, leaving out what has {@code @Migration}'s default. */
    private static CodeBlock description(MigrationModel migration) {
        CodeBlock.Builder code = CodeBlock.builder()
                .add("$T.builder($L, $L)", DESCRIPTOR,
                        JavaLiterals.string(migration.versionText()), JavaLiterals.string(migration.className()))
                .add("\n.description($L)", JavaLiterals.string(migration.description()));
        if (!migration.dependencies().isEmpty()) {
            List<CodeBlock> versions = new ArrayList<>();
            for (Dependency dependency : migration.dependencies()) {
                versions.add(JavaLiterals.string(dependency.text()));
            }
            code.add("\n.dependsOn($L)", CodeBlock.join(versions, ", "));
        }
        if (!migration.reversible()) {
            code.add("\n.reversible(false)");
        }
        if (!migration.transactional()) {
            code.add("\n.transactional(false)");
        }
        return code.add("\n.checksum($L)", JavaLiterals.string(migration.checksum())).build();
    }

    /**
     * A class's step is a new instance (or its rollback stub); an SQL file's comes from the
     * runtime's factory, which loads the file from the registry's class loader when it runs. An
     * irreversible file gets no undo file: its {@code down} refuses, like a stub's.
     */
    private static CodeBlock step(MigrationModel migration, ClassName registry) {
        if (migration.script().isPresent()) {
            SqlScript script = migration.script().get();
            Optional<SqlFile> undo = script.undo().filter(file -> migration.reversible());
            return CodeBlock.of("$T.versioned($T.class,\n$L,\n$L,\n$L,\n$L)", SQL_MIGRATIONS, registry,
                    JavaLiterals.string(script.file().resource()), JavaLiterals.string(script.file().checksum()),
                    undo.map(file -> JavaLiterals.string(file.resource())).orElse(CodeBlock.of("null")),
                    undo.map(file -> JavaLiterals.string(file.checksum())).orElse(CodeBlock.of("null")));
        }
        return CodeBlock.of("new $T()", migration.reversible()
                ? ClassName.get(migration.type())
                : registry.nestedClass(RollbackStubs.nameOf(migration)));
    }

    /**
     * Adds {@code describeRepeatable} and {@code newRepeatableStep}, a switch over the repeatable
     * migrations in name order, when there are any.
     */
    static void addRepeatablesTo(TypeSpec.Builder type, ClassName registry, List<RepeatableModel> repeatables) {
        if (repeatables.isEmpty()) {
            return;
        }
        type.addMethod(MethodSpec.methodBuilder("describeRepeatable")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(REPEATABLE_BUILDER)
                .addParameter(int.class, "index")
                .addCode(switchOver("index", 0, repeatables.size(), index -> {
                    RepeatableModel repeatable = repeatables.get(index);
                    return CodeBlock.of("$T.builder($L, $L)\n.description($L)\n.checksum($L)", REPEATABLE,
                            JavaLiterals.string(repeatable.name()), JavaLiterals.string(repeatable.file().resource()),
                            JavaLiterals.string(repeatable.description()),
                            JavaLiterals.string(repeatable.file().checksum()));
                }))
                .build());
        type.addMethod(MethodSpec.methodBuilder("newRepeatableStep")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(JAVA_MIGRATION)
                .addParameter(int.class, "index")
                .addCode(switchOver("index", 0, repeatables.size(), index -> CodeBlock.of("$T.repeatable($T.class,\n$L,\n$L)",
                        SQL_MIGRATIONS, registry, JavaLiterals.string(repeatables.get(index).file().resource()),
                        JavaLiterals.string(repeatables.get(index).file().checksum()))))
                .build());
    }
}
