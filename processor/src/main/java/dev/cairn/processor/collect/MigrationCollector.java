package dev.cairn.processor.collect;

import dev.cairn.Migration;
import dev.cairn.MigrationVersion;
import dev.cairn.processor.model.Locus;
import dev.cairn.processor.model.MigrationModel;
import dev.cairn.processor.model.MigrationModel.Dependency;
import dev.cairn.processor.model.RuntimeTypes;
import dev.cairn.processor.report.Message;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Reads {@code @Migration} classes into {@link MigrationModel}s. */
public final class MigrationCollector {

    /** What each attribute's value is when the annotation compiles. */
    private static final Map<String, Class<?>> ATTRIBUTE_TYPES = Map.of(
            "version", String.class, "description", String.class, "dependsOn", List.class,
            "reversible", Boolean.class, "transactional", Boolean.class);

    private final Elements elements;
    private final Types types;
    private final SourceChecksums checksums;

    public MigrationCollector(ProcessingEnvironment env) {
        this.elements = env.getElementUtils();
        this.types = env.getTypeUtils();
        this.checksums = SourceChecksums.create(env);
    }

    /** Whether checksums cover the migrations' whole source (javac) or only their structure. */
    public boolean checksumsCoverSource() {
        return checksums.coverSource();
    }

    /**
     * Reads one annotated class, or returns empty if its annotation does not compile (such as
     * {@code version = 3} or a missing {@code version}): javac reports that itself, and a second
     * error about the same mistake would only be noise.
     */
    public Optional<MigrationModel> collect(TypeElement type) {
        AnnotationMirror annotation = migrationAnnotation(type);
        Map<String, AnnotationValue> values = elements.getElementValuesWithDefaults(annotation).entrySet().stream()
                .collect(Collectors.toMap(entry -> entry.getKey().getSimpleName().toString(), Map.Entry::getValue));
        if (!ATTRIBUTE_TYPES.entrySet().stream().allMatch(attribute -> values.containsKey(attribute.getKey())
                && attribute.getValue().isInstance(values.get(attribute.getKey()).getValue()))
                || !dependsOnEntriesAreStrings(values.get("dependsOn"))) {
            return Optional.empty();
        }
        AnnotationValue versionValue = values.get("version");
        String versionText = (String) versionValue.getValue();
        String description = (String) values.get("description").getValue();
        return Optional.of(new MigrationModel(
                type,
                annotation,
                type.getQualifiedName().toString(),
                versionText,
                MigrationVersion.tryParse(versionText),
                Locus.of(versionValue),
                description.isBlank() ? Descriptions.fromClassName(type.getSimpleName().toString()) : description.strip(),
                dependencies(values.get("dependsOn")),
                (Boolean) values.get("reversible").getValue(),
                Locus.of(explicitValue(annotation, "reversible").orElse(null)),
                (Boolean) values.get("transactional").getValue(),
                implementsDown(type),
                cairnSuppressions(type),
                checksums.of(type),
                Optional.empty()));
    }

    private static boolean dependsOnEntriesAreStrings(AnnotationValue dependsOn) {
        return ((List<?>) dependsOn.getValue()).stream()
                .allMatch(entry -> entry instanceof AnnotationValue value && value.getValue() instanceof String);
    }

    private AnnotationMirror migrationAnnotation(TypeElement type) {
        String name = Migration.class.getCanonicalName();
        return type.getAnnotationMirrors().stream()
                .filter(mirror -> ((TypeElement) mirror.getAnnotationType().asElement())
                        .getQualifiedName().contentEquals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type + " has no @" + name));
    }

    /** The value written in the source, empty when the attribute is defaulted. */
    private static Optional<AnnotationValue> explicitValue(AnnotationMirror annotation, String name) {
        return annotation.getElementValues().entrySet().stream()
                .filter(entry -> entry.getKey().getSimpleName().contentEquals(name))
                .<AnnotationValue>map(Map.Entry::getValue)
                .findFirst();
    }

    private static List<Dependency> dependencies(AnnotationValue dependsOn) {
        List<Dependency> dependencies = new ArrayList<>();
        for (Object entry : (List<?>) dependsOn.getValue()) {
            AnnotationValue value = (AnnotationValue) entry;
            String text = (String) value.getValue();
            dependencies.add(new Dependency(text, MigrationVersion.tryParse(text), Locus.of(value)));
        }
        return dependencies;
    }

    /**
     * Whether the class has a concrete {@code down(MigrationContext)} that overrides
     * {@code JavaMigration}'s default, which only throws: declared in the class, inherited from a
     * superclass, or a default method of an interface between them. A data migration's
     * {@code down} is final and runs its {@code backward}, which by default describes no work: it
     * has a rollback when it overrides {@code backward}.
     */
    private boolean implementsDown(TypeElement type) {
        if (RuntimeTypes.isDataMigration(type, elements, types)) {
            return overridesMethodOf(type, elements.getTypeElement(RuntimeTypes.DATA_MIGRATION), "backward");
        }
        TypeElement javaMigration = elements.getTypeElement(RuntimeTypes.JAVA_MIGRATION);
        return javaMigration != null && overridesMethodOf(type, javaMigration, "down");
    }

    /** Whether {@code type} has a concrete method, other than {@code owner}'s own, overriding {@code owner}'s {@code name}. */
    private boolean overridesMethodOf(TypeElement type, TypeElement owner, String name) {
        ExecutableElement original = ElementFilter.methodsIn(owner.getEnclosedElements()).stream()
                .filter(method -> method.getSimpleName().contentEquals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(owner.getQualifiedName() + " has no " + name + "()"));
        return ElementFilter.methodsIn(elements.getAllMembers(type)).stream()
                .anyMatch(method -> !method.equals(original)
                        && !method.getModifiers().contains(Modifier.ABSTRACT)
                        && elements.overrides(method, original, type));
    }

    /** The class's {@code @SuppressWarnings} entries that are Cairn's: {@code "cairn"} or {@code "cairn.<Key>"}. */
    private static Set<String> cairnSuppressions(TypeElement type) {
        SuppressWarnings suppress = type.getAnnotation(SuppressWarnings.class);
        if (suppress == null) {
            return Set.of();
        }
        String prefix = MigrationModel.ALL_WARNINGS + ".";
        Set<String> suppressions = new HashSet<>();
        for (String name : suppress.value()) {
            if (name.equals(MigrationModel.ALL_WARNINGS)) {
                suppressions.add(name);
            } else if (name.startsWith(prefix)) {
                Message.warningKey(name.substring(prefix.length())).ifPresent(key -> suppressions.add(prefix + key));
            }
        }
        return suppressions;
    }
}
