package dev.cairn.processor.report;

import javax.tools.Diagnostic.Kind;

/**
 * Every diagnostic the processor reports, in one place. Each starts with a stable key in
 * brackets, such as {@code [Cairn/DependencyCycle]}, that tools and people can search for; the
 * wording after it may improve between releases. Tests assert on {@link #format} so that wording
 * changes in one place.
 */
public enum Message {
    INVALID_VERSION(Kind.ERROR, "InvalidVersion",
            "Migration %s has version \"%s\", which is not a migration version: %s."),
    INVALID_DEPENDENCY(Kind.ERROR, "InvalidDependency",
            "Migration %s depends on \"%s\", which is not a migration version: %s."),
    DUPLICATE_VERSION(Kind.ERROR, "DuplicateVersion",
            "Migration %s has the same version as %s. A version identifies one migration:"
                    + " give one of them a new version."),
    UNKNOWN_DEPENDENCY(Kind.ERROR, "UnknownDependency",
            "Migration %s depends on version %s, but no migration has that version.%s"),
    SELF_DEPENDENCY(Kind.ERROR, "SelfDependency",
            "Migration %s depends on itself. Remove \"%s\" from dependsOn."),
    DUPLICATE_DEPENDENCY(Kind.WARNING, "DuplicateDependency",
            "Migration %s lists version %s more than once in dependsOn. Remove the repeated entry."),
    DEPENDENCY_CYCLE(Kind.ERROR, "DependencyCycle",
            "Migration %s is part of a dependency cycle of %d migrations: %s. No order can satisfy it:"
                    + " remove one of the dependsOn entries along it (each member's is marked with an error)."),
    DEPENDENCY_CYCLE_MEMBER(Kind.ERROR, "DependencyCycle",
            "Migration %s is part of the dependency cycle reported on %s."),
    LATER_DEPENDENCY(Kind.WARNING, "LaterDependency",
            "Migration %s depends on %s, a later version, so it will run after it: plan order follows"
                    + " dependencies, not version numbers. If that is intended, add"
                    + " @SuppressWarnings(\"cairn\") to the class; otherwise give it a version after %s."),
    MISSING_ROLLBACK(Kind.ERROR, "MissingRollback",
            "Migration %s is reversible but does not implement down(). Add the rollback:%n%n"
                    + "    @Override%n"
                    + "    public void down(MigrationContext ctx) throws Exception {%n"
                    + "        // undo what up() did%n"
                    + "    }%n%n"
                    + "or declare the migration irreversible with @Migration(..., reversible = false)."),
    UNUSED_ROLLBACK(Kind.WARNING, "UnusedRollback",
            "Migration %s is declared reversible = false but implements down(), which is never called."
                    + " Remove down(), or remove reversible = false to make the migration reversible."),
    NOT_A_CLASS(Kind.ERROR, "NotAClass",
            "@Migration is for classes, but %s is %s. Move the annotation to a class that implements"
                    + " dev.cairn.runtime.JavaMigration."),
    NOT_A_JAVA_MIGRATION(Kind.ERROR, "NotAJavaMigration",
            "Class %s is annotated @Migration but does not implement dev.cairn.runtime.JavaMigration."
                    + " Add \"implements JavaMigration\" and its up(MigrationContext) method."),
    ABSTRACT_MIGRATION(Kind.ERROR, "AbstractMigration",
            "Migration class %s is abstract, so it cannot be created. Make it concrete, or move"
                    + " @Migration to a concrete subclass."),
    GENERIC_MIGRATION(Kind.ERROR, "GenericMigration",
            "Migration class %s has type parameters, so it cannot be created without choosing them."
                    + " Remove the type parameters, or move @Migration to a subclass that fixes them."),
    INNER_MIGRATION(Kind.ERROR, "InnerMigration",
            "Migration class %s is an inner class, so it can only be created through an instance of"
                    + " %s. Declare it static."),
    INACCESSIBLE_MIGRATION(Kind.ERROR, "InaccessibleMigration",
            "Migration class %s is not accessible from the generated MigrationRegistry in package %s."
                    + " Make %s."),
    OUTSIDE_REGISTRY_PACKAGE(Kind.ERROR, "InaccessibleMigration",
            "Migration class %1$s is package-private in %2$s, but the MigrationRegistry is generated in %3$s,"
                    + " where it reaches the most migrations (%4$d of %5$d), and cannot reach this one from there."
                    + " Make it public, or move it to %3$s, or choose the registry's package with -Acairn.package"
                    + " (Maven: <compilerArgs><arg>-Acairn.package=%2$s</arg></compilerArgs>;"
                    + " Gradle: options.compilerArgs += ['-Acairn.package=%2$s']); migrations outside that"
                    + " package must then be public."),
    NO_ACCESSIBLE_CONSTRUCTOR(Kind.ERROR, "NoAccessibleConstructor",
            "Migration class %s has no no-argument constructor that the generated MigrationRegistry in"
                    + " package %s can call. Add a %sno-argument constructor, or remove the other constructors."),
    NO_COMMON_PACKAGE(Kind.ERROR, "NoCommonPackage",
            "The migrations are in packages that share no common package (%s), so there is no package"
                    + " to put the MigrationRegistry in. Pass -Acairn.package=<package> to javac,"
                    + " or move the migrations under one package."),
    INVALID_PACKAGE_OPTION(Kind.ERROR, "InvalidPackageOption",
            "-Acairn.package=%s is not a Java package name. Use a name such as com.example.db."),
    LATE_MIGRATION(Kind.ERROR, "LateMigration",
            "Migration class %s was generated by another annotation processor after the MigrationRegistry"
                    + " had been written, so it is not in the registry. Write it by hand, or have it"
                    + " generated before @Migration classes are processed."),
    REGISTRY_NAME_TAKEN(Kind.ERROR, "RegistryNameTaken",
            "There is already a class %s, so the migrations' registry cannot be generated there. Rename"
                    + " that class, or choose another package for the registry with -Acairn.package=<package>."),
    STALE_REGISTRY(Kind.ERROR, "StaleRegistry",
            "%s from an earlier build is on the classpath, and this compilation cannot replace it: it"
                    + " probably recompiles only some of the migrations. Rebuild the whole module (for"
                    + " example mvn clean compile, or Rebuild Project in the IDE)."),
    REGISTRY_WAITING(Kind.NOTE, "RegistryWaiting",
            "No MigrationRegistry was generated: migration %s refers to a type or constant that does not"
                    + " exist (see the errors above). Fix that, and the registry is generated again."),
    NO_VERSION_CONSTANTS(Kind.NOTE, "NoVersionConstants",
            "The MigrationRegistry has %d migrations, more than the %d that get a constant each (such as V1"
                    + " for version \"1\"), so it has none: a class file holds at most 65,535 constants, and"
                    + " version constants would take most of them. Refer to a migration by its version as a"
                    + " string instead, such as migrator.migrate(\"%s\") or migrator.rollback(\"%s\")."),
    REGISTRY_NOT_WRITTEN(Kind.ERROR, "RegistryNotWritten",
            "Could not write %s: %s. Check that the build's output directories are writable."),
    CONSTRUCTOR_THROWS(Kind.ERROR, "ConstructorThrows",
            "The no-argument constructor of migration class %s declares checked exceptions (%s), which the"
                    + " generated MigrationRegistry cannot handle when it creates the migration. Move that"
                    + " work into up(), which may throw any exception."),
    STRUCTURE_CHECKSUMS(Kind.NOTE, "StructureChecksums",
            "This compiler offers no source trees, so migration checksums cover each class's structure"
                    + " (members, signatures, constants) but not its method bodies. Compile with javac for"
                    + " checksums of the whole source."),
    INTERNAL_ERROR(Kind.ERROR, "InternalError",
            "Internal error in the Cairn processor; please report it with this stack trace:%n%s");

    private final Kind kind;
    private final String key;
    private final String template;

    Message(Kind kind, String key, String template) {
        this.kind = kind;
        this.key = key;
        this.template = template;
    }

    /** Error, warning or note. */
    public Kind kind() {
        return kind;
    }

    /** The stable key in brackets that starts the message, such as {@code [Cairn/DependencyCycle]}. */
    public String key() {
        return "[Cairn/" + key + "]";
    }

    /** The full message text. */
    public String format(Object... args) {
        return key() + " " + String.format(template, args);
    }
}
