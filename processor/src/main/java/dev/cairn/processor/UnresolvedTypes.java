package dev.cairn.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Tells whether a class's supertypes are all resolved. A supertype that another processor has
 * yet to generate is an error type in this round, and judging the class now ("does not implement
 * JavaMigration") would be wrong.
 */
final class UnresolvedTypes {

    private UnresolvedTypes() {
    }

    static boolean in(TypeElement type) {
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
}
