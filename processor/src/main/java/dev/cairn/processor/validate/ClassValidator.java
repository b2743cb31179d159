package dev.cairn.processor.validate;

import dev.cairn.processor.model.MigrationModel;
import dev.cairn.processor.model.RuntimeTypes;
import dev.cairn.processor.report.Message;
import dev.cairn.processor.report.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks that each migration class can be created by the generated registry and honours its
 * {@code reversible} declaration. Of the errors about the class's shape, only the first is
 * reported, as it makes the others moot; the rollback is checked only for a sound class.
 */
public final class ClassValidator {

    private final Elements elements;
    private final Types types;
    private final ValidationReport report;

    public ClassValidator(ProcessingEnvironment env, ValidationReport report) {
        this.elements = env.getElementUtils();
        this.types = env.getTypeUtils();
        this.report = report;
    }

    /**
     * Validates one migration.
     *
     * @param registryPackage where the registry goes, empty when that is itself in error
     */
    public void validate(MigrationModel migration, Optional<RegistryPackage> registryPackage) {
        if (!checkShape(migration)) {
            return;
        }
        registryPackage.ifPresent(registry -> checkAccess(migration, registry));
        checkRollback(migration);
    }

    /** Returns whether the class is a concrete, creatable JavaMigration. */
    private boolean checkShape(MigrationModel migration) {
        TypeElement type = migration.type();
        String name = migration.className();
        if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD) {
            return fail(Message.NOT_A_CLASS, migration, name, describeKind(type.getKind()));
        }
        if (!implementsJavaMigration(type)) {
            return fail(Message.NOT_A_JAVA_MIGRATION, migration, name);
        }
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            return fail(Message.ABSTRACT_MIGRATION, migration, name);
        }
        if (!type.getTypeParameters().isEmpty()) {
            return fail(Message.GENERIC_MIGRATION, migration, name);
        }
        if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
            return fail(Message.INNER_MIGRATION, migration, name,
                    ((TypeElement) type.getEnclosingElement()).getQualifiedName());
        }
        return true;
    }

    private boolean implementsJavaMigration(TypeElement type) {
        TypeElement javaMigration = elements.getTypeElement(RuntimeTypes.JAVA_MIGRATION);
        if (javaMigration == null) {
            return false;
        }
        TypeMirror erased = types.erasure(type.asType());
        return types.isAssignable(erased, types.erasure(javaMigration.asType()));
    }

    private static String describeKind(ElementKind kind) {
        String words = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return (words.startsWith("a") || words.startsWith("e") || words.startsWith("i") ? "an " : "a ") + words;
    }

    /**
     * The class, its enclosing classes and its no-argument constructor must be callable from the
     * registry. A package-private class outside the package the processor chose is told how that
     * package was chosen and how to choose another.
     */
    private void checkAccess(MigrationModel migration, RegistryPackage registry) {
        TypeElement type = migration.type();
        String registryPackage = registry.name();
        String ownPackage = elements.getPackageOf(type).getQualifiedName().toString();
        boolean samePackage = ownPackage.equals(registryPackage);
        List<Element> hidden = new ArrayList<>();
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (!isAccessible(e, samePackage)) {
                hidden.add(e);
            }
        }
        if (!hidden.isEmpty()) {
            boolean onlyPackagePrivate = hidden.stream().noneMatch(e -> e.getModifiers().contains(Modifier.PRIVATE));
            if (registry.chosen() && !samePackage && onlyPackagePrivate) {
                fail(Message.OUTSIDE_REGISTRY_PACKAGE, migration, migration.className(), ownPackage, registryPackage,
                        registry.reached(), registry.total());
                return;
            }
            String fix = hidden.stream().map(e -> ((TypeElement) e).getQualifiedName().toString())
                    .collect(Collectors.joining(" and ")) + (samePackage ? " non-private" : " public");
            fail(Message.INACCESSIBLE_MIGRATION, migration, migration.className(), registryPackage, fix);
            return;
        }
        Optional<ExecutableElement> constructor = ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .filter(candidate -> candidate.getParameters().isEmpty() && isAccessible(candidate, samePackage))
                .findFirst();
        if (constructor.isEmpty()) {
            fail(Message.NO_ACCESSIBLE_CONSTRUCTOR, migration, migration.className(), registryPackage,
                    samePackage ? "non-private " : "public ");
            return;
        }
        List<String> checked = constructor.get().getThrownTypes().stream()
                .filter(thrown -> !isUnchecked(thrown))
                .map(TypeMirror::toString)
                .toList();
        if (!checked.isEmpty()) {
            report.report(Message.CONSTRUCTOR_THROWS, constructor.get(), null, null,
                    migration.className(), String.join(", ", checked));
        }
    }

    private boolean isUnchecked(TypeMirror thrown) {
        return types.isAssignable(thrown, elements.getTypeElement(RuntimeException.class.getCanonicalName()).asType())
                || types.isAssignable(thrown, elements.getTypeElement(Error.class.getCanonicalName()).asType());
    }

    private static boolean isAccessible(Element element, boolean samePackage) {
        return samePackage
                ? !element.getModifiers().contains(Modifier.PRIVATE)
                : element.getModifiers().contains(Modifier.PUBLIC);
    }

    /** A data migration's rollback is its {@code backward}, a plain migration's its {@code down}. */
    private void checkRollback(MigrationModel migration) {
        boolean data = RuntimeTypes.isDataMigration(migration.type(), elements, types);
        if (migration.reversible() && !migration.implementsDown()) {
            report.report(data ? Message.MISSING_BACKWARD : Message.MISSING_ROLLBACK, migration,
                    migration.reversibleLocus(), migration.displayName());
        } else if (!migration.reversible() && migration.implementsDown()
                && !migration.suppresses(Message.UNUSED_ROLLBACK.keyName())) {
            report.report(data ? Message.UNUSED_BACKWARD : Message.UNUSED_ROLLBACK, migration,
                    migration.reversibleLocus(), migration.displayName());
        }
    }

    private boolean fail(Message message, MigrationModel migration, Object... args) {
        report.report(message, migration.element(), null, null, args);
        return false;
    }
}
