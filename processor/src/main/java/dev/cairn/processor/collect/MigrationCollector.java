package dev.cairn.processor.collect;

import dev.cairn.Migration;
import dev.cairn.MigrationVersion;
import dev.cairn.processor.model.MigrationModel;
import dev.cairn.processor.model.MigrationModel.Dependency;
import dev.cairn.processor.model.RuntimeTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/** Reads {@code @Migration} classes into {@link MigrationModel}s. */
public final class MigrationCollector {

    /** What each attribute's value is when the annotation compiles. */
    private static final Map<String, Class<?>> ATTRIBUTE_TYPES = Map.of(
            "version", String.class, "description", String.class, "dependsOn", List.class,
            "reversible", Boolean.class, "transactional", Boolean.class);

    private final Elements elements;
    private final SourceChecksums checksums;

    public MigrationCollector(ProcessingEnvironment env) {
        this.elements = env.getElementUtils();
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
                versionValue,
                description.isBlank() ? Descriptions.fromClassName(type.getSimpleName().toString()) : description.strip(),
                dependencies(values.get("dependsOn")),
                (Boolean) values.get("reversible").getValue(),
                explicitValue(annotation, "reversible"),
                (Boolean) values.get("transactional").getValue(),
                implementsDown(type),
                suppressesCairnWarnings(type),
                checksums.of(type)));
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
            dependencies.add(new Dependency(text, MigrationVersion.tryParse(text), value));
        }
        return dependencies;
    }

    /**
     * Whether the class has a concrete {@code down(MigrationContext)} that overrides
     * {@code JavaMigration}'s default, which only throws: declared in the class, inherited from a
     * superclass, or a default method of an interface between them.
     */
    private boolean implementsDown(TypeElement type) {
        TypeElement javaMigration = elements.getTypeElement(RuntimeTypes.JAVA_MIGRATION);
        if (javaMigration == null) {
            return false;
        }
        ExecutableElement defaultDown = ElementFilter.methodsIn(javaMigration.getEnclosedElements()).stream()
                .filter(method -> method.getSimpleName().contentEquals("down"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(RuntimeTypes.JAVA_MIGRATION + " has no down()"));
        return ElementFilter.methodsIn(elements.getAllMembers(type)).stream()
                .anyMatch(method -> !method.equals(defaultDown)
                        && !method.getModifiers().contains(Modifier.ABSTRACT)
                        && elements.overrides(method, defaultDown, type));
    }

    private static boolean suppressesCairnWarnings(TypeElement type) {
        SuppressWarnings suppress = type.getAnnotation(SuppressWarnings.class);
        return suppress != null && Arrays.asList(suppress.value()).contains("cairn");
    }
}
