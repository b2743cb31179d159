package dev.cairn.processor;

import dev.cairn.Migration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Tells whether everything the processor reads about a migration class is resolved: its
 * supertypes, the signatures of its {@code up} and {@code down}, and its {@code @Migration} values. Something another
 * processor has yet to generate (or a missing import) is an error type in this round, and
 * judging the class now, such as "does not implement JavaMigration" or "has no down()", would
 * be wrong: the class is deferred to the next round, and in the last one javac reports what
 * never appeared.
 */
final class UnresolvedTypes {

    /** How javac shows an annotation value whose expression did not resolve. */
    private static final String ERROR_VALUE = "<error>";

    private UnresolvedTypes() {
    }

    static boolean in(TypeElement type) {
        return inSupertypes(type) || inMethodSignatures(type) || inMigrationAnnotation(type);
    }

    private static boolean inSupertypes(TypeElement type) {
        Set<TypeElement> visited = new HashSet<>();
        List<TypeElement> toVisit = new ArrayList<>(List.of(type));
        while (!toVisit.isEmpty()) {
            TypeElement current = toVisit.remove(toVisit.size() - 1);
            if (!visited.add(current)) {
                continue;
            }
            List<TypeMirror> supertypes = new ArrayList<>(current.getInterfaces());
            supertypes.add(current.getSuperclass());
            for (TypeMirror supertype : supertypes) {
                if (supertype.getKind() == TypeKind.ERROR) {
                    return true;
                }
                if (supertype instanceof DeclaredType declared) {
                    toVisit.add((TypeElement) declared.asElement());
                }
            }
        }
        return false;
    }

    /**
     * Only {@code up} and {@code down}: they are what the processor reads. Any other method may
     * mention types that wait for the registry itself, {@code MigrationRegistry} included, and
     * waiting for them would wait forever.
     */
    private static boolean inMethodSignatures(TypeElement type) {
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            String name = method.getSimpleName().toString();
            if (!name.equals("up") && !name.equals("down")) {
                continue;
            }
            if (isUnresolved(method.getReturnType())) {
                return true;
            }
            for (VariableElement parameter : method.getParameters()) {
                if (isUnresolved(parameter.asType())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isUnresolved(TypeMirror type) {
        if (type.getKind() == TypeKind.ERROR) {
            return true;
        }
        if (type instanceof ArrayType array) {
            return isUnresolved(array.getComponentType());
        }
        return type instanceof DeclaredType declared
                && declared.getTypeArguments().stream().anyMatch(UnresolvedTypes::isUnresolved);
    }

    private static boolean inMigrationAnnotation(TypeElement type) {
        for (AnnotationMirror annotation : type.getAnnotationMirrors()) {
            if (((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName()
                    .contentEquals(Migration.class.getCanonicalName())) {
                return annotation.getElementValues().values().stream().anyMatch(UnresolvedTypes::isUnresolved);
            }
        }
        return false;
    }

    private static boolean isUnresolved(AnnotationValue value) {
        if (value.getValue() instanceof List<?> entries) {
            return entries.stream().anyMatch(entry -> isUnresolved((AnnotationValue) entry));
        }
        return value.toString().equals(ERROR_VALUE);
    }
}
