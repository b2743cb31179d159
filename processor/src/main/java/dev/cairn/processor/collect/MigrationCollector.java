package dev.cairn.processor.collect;

import dev.cairn.Migration;
import dev.cairn.MigrationVersion;
import dev.cairn.processor.model.MigrationModel;
import dev.cairn.processor.model.MigrationModel.Dependency;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/** Reads {@code @Migration} classes into {@link MigrationModel}s. */
public final class MigrationCollector {

    static final String JAVA_MIGRATION = "dev.cairn.runtime.JavaMigration";
    static final String MIGRATION_CONTEXT = "dev.cairn.runtime.MigrationContext";

    private final Elements elements;
    private final SourceChecksums checksums;

    public MigrationCollector(ProcessingEnvironment env) {
        this.elements = env.getElementUtils();
        this.checksums = SourceChecksums.create(env);
    }

    /** Reads one annotated class. */
    public MigrationModel collect(TypeElement type) {
        AnnotationMirror annotation = migrationAnnotation(type);
        Map<String, AnnotationValue> values = explicitValues(annotation);
        AnnotationValue versionValue = valueOf(annotation, "version");
        String versionText = (String) versionValue.getValue();
        String description = (String) valueOf(annotation, "description").getValue();
        return new MigrationModel(
                type,
                annotation,
                type.getQualifiedName().toString(),
                versionText,
                MigrationVersion.tryParse(versionText),
                versionValue,
                description.isBlank() ? Descriptions.fromClassName(type.getSimpleName().toString()) : description.strip(),
                dependencies(valueOf(annotation, "dependsOn")),
                (Boolean) valueOf(annotation, "reversible").getValue(),
                Optional.ofNullable(values.get("reversible")),
                (Boolean) valueOf(annotation, "transactional").getValue(),
                implementsDown(type),
                suppressesCairnWarnings(type),
                checksums.of(type, annotation));
    }

    private AnnotationMirror migrationAnnotation(TypeElement type) {
        String name = Migration.class.getCanonicalName();
        return type.getAnnotationMirrors().stream()
                .filter(mirror -> ((TypeElement) mirror.getAnnotationType().asElement())
                        .getQualifiedName().contentEquals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type + " has no @" + name));
    }

    private static Map<String, AnnotationValue> explicitValues(AnnotationMirror annotation) {
        Map<String, AnnotationValue> values = new java.util.HashMap<>();
        annotation.getElementValues().forEach((method, value) -> values.put(method.getSimpleName().toString(), value));
        return values;
    }

    /** The value of an annotation attribute, explicit or defaulted. */
    private AnnotationValue valueOf(AnnotationMirror annotation, String name) {
        return elements.getElementValuesWithDefaults(annotation).entrySet().stream()
                .filter(entry -> entry.getKey().getSimpleName().contentEquals(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("@Migration has no attribute " + name));
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
     * Whether the class or a supertype other than {@code JavaMigration} itself has a concrete
     * {@code down(MigrationContext)}: {@code JavaMigration}'s default only throws.
     */
    private boolean implementsDown(TypeElement type) {
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
            Element owner = method.getEnclosingElement();
            boolean isDown = method.getSimpleName().contentEquals("down")
                    && method.getParameters().size() == 1
                    && method.getParameters().get(0).asType().toString().equals(MIGRATION_CONTEXT);
            if (isDown && !method.getModifiers().contains(Modifier.ABSTRACT)
                    && !(owner.getKind() == ElementKind.INTERFACE
                         && ((TypeElement) owner).getQualifiedName().contentEquals(JAVA_MIGRATION))) {
                return true;
            }
        }
        return false;
    }

    private static boolean suppressesCairnWarnings(TypeElement type) {
        SuppressWarnings suppress = type.getAnnotation(SuppressWarnings.class);
        return suppress != null && Arrays.asList(suppress.value()).contains("cairn");
    }
}
